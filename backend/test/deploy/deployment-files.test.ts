// The production deployment files, checked as far as a machine without a Docker engine can:
// docker-compose.yml against the Compose specification's JSON schema (the copy dclint ships) and
// dclint's rules; backend/Dockerfile through the Dockerfile linter of the Docker language server.
// Then what the issue asks of them: built JavaScript run by node as a non-root user with a
// healthcheck, production dependencies only, nothing demo-grade, and stop timeouts that cover the
// graceful shutdown.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dockerfileStages as stages } from '../support/dockerfile.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const DCLINT = dirname(require.resolve('dclint/package.json'));

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  stop_grace_period?: string;
  volumes?: string[];
  init?: boolean;
}

const composeText = await readFile(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

const seconds = (duration: string | undefined) => {
  const m = /^(\d+)(s|m)$/.exec(duration ?? '');
  if (!m) throw new Error(`not a duration: ${duration}`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', async () => {
    const schema = JSON.parse(await readFile(join(DCLINT, 'schemas', 'compose.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    const check = ajv.compile(schema);
    // As Compose reads it: YAML merge keys resolved, ${…} not yet interpolated.
    expect(check(compose), ajv.errorsText(check.errors)).toBe(true);
    // The check can tell: a misspelt key is refused.
    expect(check({ services: { backend: { imagee: 'x' } } })).toBe(false);
  });

  it("passes dclint's rules", async () => {
    const run = promisify(execFile);
    const result = await run(process.execPath, [join(DCLINT, 'bin', 'dclint.cjs'), '--quiet', 'docker-compose.yml'], {
      cwd: ROOT,
    }).catch((err: { stdout: string; code: number }) => err);
    expect('code' in result ? result.stdout : '', 'dclint errors').toBe('');
  });

  it('runs the database, Redis, object store, migrations, backend, worker and the metrics stack', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['backend', 'bucket', 'grafana', 'migrate', 'minio', 'postgres', 'prometheus', 'redis', 'worker'].sort(),
    );
    for (const name of ['migrate', 'backend', 'worker']) {
      const service = services[name]!;
      expect(service.build?.dockerfile, name).toBe('backend/Dockerfile');
      expect(JSON.stringify(service), name).not.toMatch(/tsx|practice|SEED_DEMO/i);
    }
    for (const name of ['backend', 'worker']) {
      const env = services[name]!.environment!;
      expect(env.NODE_ENV, name).toBe('production');
      expect(env.S3_BUCKET, name).toBeTruthy();
      // Secrets come from the operator, never from the file.
      expect(env.JWT_SECRET, name).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(env.ACCOUNTS_KEY, name).toMatch(/^\$\{ACCOUNTS_KEY:\?/);
      expect(services[name]!.init, name).toBe(true);
    }
    // Only the API, Prometheus and Grafana are published, on loopback (a proxy of the operator's in front).
    const published = Object.entries(services).flatMap(([name, s]) => (s.ports ?? []).map((p) => `${name} ${p}`));
    expect(published.sort()).toEqual(
      ['backend 127.0.0.1:3000:3000', 'grafana 127.0.0.1:3001:3000', 'prometheus 127.0.0.1:9090:9090'].sort(),
    );
  });

  it('gives each process time to shut down gracefully before Docker kills it', () => {
    const backend = services.backend!;
    expect(Number(backend.environment!.SHUTDOWN_GRACE_MS) / 1000).toBeLessThan(seconds(backend.stop_grace_period) - 5);
    const worker = services.worker!;
    // The grace for running applications, then handing the rest back and closing.
    expect(Number(worker.environment!.WORKER_GRACE_MS) / 1000).toBeLessThan(seconds(worker.stop_grace_period) - 10);
  });

  it('mounts monitoring files that exist', () => {
    for (const name of ['prometheus', 'grafana']) {
      for (const volume of services[name]!.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(existsSync(join(ROOT, source)), `${name}: ${source}`).toBe(true);
      }
    }
  });
});

describe('backend/Dockerfile', () => {
  const file = join(ROOT, 'backend', 'Dockerfile');

  it('passes the Dockerfile linter', async () => {
    const problems = lintDockerfile(await readFile(file, 'utf8'));
    expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
  });

  it('ships built JavaScript with production dependencies only, run by node as a non-root user', async () => {
    const all = stages(await readFile(file, 'utf8'));
    expect([...all.keys()]).toEqual(['build', 'backend', 'worker']);
    expect(all.get('build')!.join('\n')).toMatch(/npm run build[\s\S]*npm prune --omit=dev/);
    for (const target of ['backend', 'worker']) {
      const stage = all.get(target)!;
      const last = (instruction: string) => stage.filter((l) => l.startsWith(`${instruction} `)).at(-1) ?? '';
      expect(last('USER'), target).toMatch(/^USER (?!root\b|0\b)\S+/);
      expect(last('HEALTHCHECK'), target).toMatch(/\/healthz/);
      const cmd = JSON.parse(last('CMD').slice(4)) as string[];
      expect(cmd[0], target).toBe('node');
      expect(cmd.at(-1), target).toMatch(/^backend\/dist\/\w+\.js$/);
      expect(stage.join('\n'), target).not.toMatch(/\btsx\b|practice/);
    }
    expect(all.get('worker')!.join('\n')).toMatch(/apt-get install .*chromium/);
    // Every file the images copy from the sources is there (dist and node_modules come from the build).
    const copied = all
      .get('backend')!
      .filter((l) => l.startsWith('COPY --from=build /app/'))
      .map((l) => l.split(/\s+/)[2]!.slice('/app/'.length))
      .filter((path) => !/(^|\/)(dist|node_modules)$/.test(path));
    expect(copied.length).toBeGreaterThan(4);
    for (const path of copied) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});
