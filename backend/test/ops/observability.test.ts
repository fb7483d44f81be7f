// The monitoring that ships with docker-compose.yml, checked end to end as far as this machine
// can: Debian's promtool validates the Prometheus configuration and the alert rules and runs their
// unit tests (ops/prometheus/alerts.test.yml); then the built backend and the built worker are
// started and scraped, and every metric an alert or a dashboard panel queries must be among the
// ones they serve.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startBuiltNode, startBuiltWorker, testDeployment, useBuild } from '../support/built-backend.ts';

const OPS = fileURLToPath(new URL('../../../ops/', import.meta.url));
const run = promisify(execFile);

async function promtool(...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd: join(OPS, 'prometheus') });
    return stdout + stderr;
  } catch (err) {
    const { code, stdout, stderr } = err as { code: string | number; stdout?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error('promtool is not installed: apt-get install -y prometheus (.ci/run does)');
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/** Metric names in a PromQL expression (Prometheus's own `up` aside). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(jobswipe_[a-z0-9_]+|http_request[a-z_]*)\b/g)].map((m) => m[1]!);
}

/** Every series family a /metrics page declares, histograms also under their _bucket/_sum/_count. */
function served(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\w+)$/gm)) {
    names.add(m[1]!);
    if (m[2] === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${m[1]}${suffix}`);
  }
  return names;
}

interface Dashboard {
  panels: { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string }[] }[];
}

describe('Prometheus configuration and alert rules', () => {
  it('pass promtool check config and check rules', async () => {
    // Syntax only: the metrics token file it names exists inside the Prometheus container alone.
    expect(await promtool('check', 'config', '--syntax-only', 'prometheus.yml')).toMatch(/SUCCESS/);
    expect(await promtool('check', 'rules', 'alerts.yml')).toMatch(/SUCCESS: 8 rules found/);
  });

  it('pass their unit tests, one or more for every alert', async () => {
    const rules = parse(await readFile(join(OPS, 'prometheus', 'alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string }[] }[];
    };
    const tests = parse(await readFile(join(OPS, 'prometheus', 'alerts.test.yml'), 'utf8')) as {
      tests: { alert_rule_test: { alertname: string; exp_alerts?: unknown[] }[] }[];
    };
    const alerts = rules.groups.flatMap((g) => g.rules.map((r) => r.alert));
    const firing = new Set(
      tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts?.length).map((a) => a.alertname)),
    );
    expect([...firing].sort()).toEqual([...alerts].sort());
    expect(await promtool('test', 'rules', 'alerts.test.yml')).toMatch(/SUCCESS/);
  });
});

describe('what the alerts and the dashboard query', () => {
  const fixture = useBuild();
  const { cleanups } = fixture;

  it('is served by the built backend and worker', { timeout: 120_000 }, async () => {
    const deployment = await testDeployment();
    cleanups.push(() => deployment.close());
    const node = await startBuiltNode(fixture.build, deployment);
    cleanups.push(() => node.kill());
    const worker = await startBuiltWorker(fixture.build, deployment, node.api.baseUrl);
    cleanups.push(() => worker.kill());

    const pages = await Promise.all(
      [`${node.api.baseUrl}/metrics`, `${worker.url}/metrics`].map(async (url) => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${deployment.env.METRICS_TOKEN}` } });
        expect(res.status, url).toBe(200);
        return res.text();
      }),
    );
    const available = new Set(pages.flatMap((page) => [...served(page)]));

    const rules = parse(await readFile(join(OPS, 'prometheus', 'alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const dashboard = JSON.parse(
      await readFile(join(OPS, 'grafana', 'dashboards', 'jobswipe.json'), 'utf8'),
    ) as Dashboard;
    const queries = [
      ...rules.groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr }))),
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr }))),
    ];
    expect(queries.length).toBeGreaterThan(30);
    const missing = queries.flatMap(({ where, expr }) =>
      metricsIn(expr)
        .filter((name) => !available.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
    // The check can tell: a name no process serves is reported.
    expect(available.has('jobswipe_no_such_metric')).toBe(false);
  });

  it('reads the data source Grafana is provisioned with', async () => {
    const datasources = parse(
      await readFile(join(OPS, 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string }[] };
    const uids = new Set(datasources.datasources.map((d) => d.uid));
    const dashboard = JSON.parse(
      await readFile(join(OPS, 'grafana', 'dashboards', 'jobswipe.json'), 'utf8'),
    ) as Dashboard;
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(12);
    for (const panel of panels) expect(uids.has(panel.datasource?.uid ?? ''), panel.title).toBe(true);
  });
});
