// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.

import { resolveDatabase } from '../embedded.ts';
import { migrate } from '../migrations.ts';

const db = await resolveDatabase();
try {
  const applied = await migrate(db.url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.',
  );
} finally {
  await db.stop();
}
