// Vitest global setup: one production build of the web app for every browser test, made only
// when web/dist is missing or older than its sources.
import { ensureWebBuild } from '../../build/build-web.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuild((msg) => console.log(msg));
}
