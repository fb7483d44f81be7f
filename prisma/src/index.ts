export * from './client.ts';
export { dataDir, generatedSecret, type ResolvedDatabase, repoRoot, resolveDatabase } from './embedded.ts';
export { migrate } from './migrations.ts';
