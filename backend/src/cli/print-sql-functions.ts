// `npx tsx backend/src/cli/print-sql-functions.ts [name…]`: prints the generated database
// functions (all, or those named) as migration blocks. After changing one, write a new migration
// folder (prisma/migrations/<timestamp>_<name>/ with migration.sql and a copy of schema.prisma)
// holding what this prints for it; backend/test/database-functions.test.ts checks the newest copy.
import { DATABASE_FUNCTIONS } from '../db/database-functions.ts';
import { migrationBlock } from '../db/sql-function.ts';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !DATABASE_FUNCTIONS.some((f) => f.name === n));
if (unknown.length) {
  console.error(
    `No generated function named ${unknown.join(', ')}; known: ${DATABASE_FUNCTIONS.map((f) => f.name).join(', ')}`,
  );
  process.exit(64);
}
for (const fn of DATABASE_FUNCTIONS)
  if (!names.length || names.includes(fn.name)) process.stdout.write(`${migrationBlock(fn)}\n`);
