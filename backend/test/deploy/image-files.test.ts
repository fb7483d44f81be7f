// The files the backend image ships are enough to run it. No image can be built here, so the
// backend stage of backend/Dockerfile is replayed into a folder: each of its COPY --from=build lines
// (the build's output for backend/dist, this checkout's node_modules for node_modules, the checkout
// for the rest), nothing else of the sources. The built backend then starts from that folder in
// production mode, migrates the database from the migrations it carries, and serves the API and
// the web app; the built worker starts from it too.
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuiltBackend } from '../../build/bundle.ts';
import { signUp } from '../support/api.ts';
import { startBuiltNode, startBuiltWorker, testDeployment, useBuild } from '../support/built-backend.ts';
import { dockerfileStages } from '../support/dockerfile.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = useBuild();
const { cleanups } = fixture;

/** The backend image's /app, as a folder: returns the build as it runs from there. */
async function replayImage(build: BuiltBackend): Promise<BuiltBackend> {
  const app = await mkdtemp(join(tmpdir(), 'jobswipe-image-'));
  cleanups.push(() => rm(app, { recursive: true, force: true }));
  const stage = dockerfileStages(await readFile(join(ROOT, 'backend', 'Dockerfile'), 'utf8')).get('backend')!;
  for (const line of stage.filter((l) => l.startsWith('COPY --from=build '))) {
    const [from, to] = line.split(/\s+/).slice(2) as [string, string];
    const source = from.replace(/^\/app\//, '');
    const target = join(app, to.endsWith('/') ? join(to, basename(source)) : to);
    await mkdir(join(target, '..'), { recursive: true });
    if (source === 'node_modules') await symlink(join(ROOT, 'node_modules'), target);
    else await cp(source === 'backend/dist' ? build.outDir : join(ROOT, source), target, { recursive: true });
  }
  const outDir = join(app, 'backend', 'dist');
  const entries = Object.fromEntries(
    Object.entries(build.entries).map(([name, file]: [string, string]) => [name, join(outDir, basename(file))]),
  ) as BuiltBackend['entries'];
  return { outDir, entries };
}

describe('the backend image', () => {
  it('runs the backend and the worker from the files it ships', { timeout: 120_000 }, async () => {
    const image = await replayImage(fixture.build);
    const dataDir = await mkdtemp(join(tmpdir(), 'jobswipe-image-data-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // An empty database: the node migrates it from the migrations the image carries.
    const deployment = await testDeployment({ DATA_DIR: dataDir }, { migrated: false });
    cleanups.push(() => deployment.close());

    const node = await startBuiltNode(image, deployment);
    cleanups.push(() => node.kill());
    expect(node.output.join('\n')).toMatch(/database migrated/);
    expect((await node.api.get('/readyz')).body).toMatchObject({ status: 'ready' });
    expect(await (await fetch(`${node.api.baseUrl}/`)).text()).toContain('<div id="root">');
    expect((await signUp(node.api)).user.email).toMatch(/@example\.com$/);

    const worker = await startBuiltWorker(image, deployment, node.api.baseUrl);
    cleanups.push(() => worker.kill());
    expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
  });
});
