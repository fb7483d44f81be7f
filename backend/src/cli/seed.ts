// `npm run db:seed`: loads the demo catalog and user into DATABASE_URL (or the embedded database).
import { migrate, openDatabase, resolveDatabase } from '@jobswipe/db';
import { loadConfig } from '../config.ts';
import { openFileStore } from '../files/open-file-store.ts';
import { seedDemo } from '../seed/demo-seed.ts';

const config = loadConfig();
const db = await resolveDatabase();
const database = openDatabase(db.url);
const files = openFileStore(config);
try {
  await migrate(db.url);
  const result = await seedDemo({ config, db: database, files });
  console.log(`Seeded ${result.jobs} jobs. Demo user: ${result.email} / ${result.password}`);
} finally {
  files.close();
  await database.close();
  await db.stop();
}
