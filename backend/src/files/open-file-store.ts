// The file store the configuration asks for: the S3 bucket when S3_BUCKET is set, else the local
// folder under DATA_DIR.
import type { Config } from '../config.ts';
import { type FileStore, LocalFileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

export function openFileStore(config: Config): FileStore {
  if (!config.S3_BUCKET) return new LocalFileStore(config.storageDir);
  return new S3FileStore({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? config.S3_ENDPOINT !== undefined,
  });
}
