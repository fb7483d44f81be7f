// What only the embedded demo (`npm start` outside production) runs beside the product: the
// practice ATS the demo jobs point at, and the demo catalog and user. main.ts imports this module
// only outside production, so a production process never loads the practice ATS.
import { openDatabase } from '@jobswipe/db';
import { startPracticeAts } from '@jobswipe/practice-ats';
import type { Config } from './config.ts';
import { openFileStore } from './files/open-file-store.ts';
import type { Logger } from './logger.ts';
import { type SeedResult, seedDemo } from './seed/demo-seed.ts';

export interface Demo {
  practiceAtsUrl: string | null;
  user: SeedResult | null;
  close(): Promise<void>;
}

export async function startDemo(config: Config, databaseUrl: string, log: Logger): Promise<Demo> {
  const practice = await startPracticeAts({ port: config.PRACTICE_ATS_PORT }).catch((err: Error) => {
    log.warn(
      { err: err.message, port: config.PRACTICE_ATS_PORT },
      'practice ATS not started (port taken?): demo jobs need it',
    );
    return null;
  });
  let user: SeedResult | null = null;
  if (config.SEED_DEMO) {
    const seedDb = openDatabase(databaseUrl, { max: 2 });
    const files = openFileStore(config);
    try {
      user = await seedDemo({ config, db: seedDb, files });
    } finally {
      files.close();
      await seedDb.close();
    }
  }
  return { practiceAtsUrl: practice?.url ?? null, user, close: async () => practice?.close() };
}
