import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses the CLI here; migrations run through src/migrate.ts (schema engine as
// WebAssembly), so no datasource URL is needed at generate time.
export default defineConfig({ schema: 'schema.prisma' });
