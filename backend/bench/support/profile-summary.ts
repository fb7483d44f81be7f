// Where a profiled process spent its CPU: a V8 .cpuprofile (node --cpu-prof) summed by self time
// into the parts of the request path a reader can act on (the HTTP layer, auth, validation, the
// database driver, Prisma, logging, Redis, our own code, garbage collection, idle).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the stack a frame belongs to, from its source file. */
function partOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg.startsWith('@prisma/') || pkg === 'prisma') return 'prisma';
    if (pkg.startsWith('pg') || pkg === 'postgres-array' || pkg === 'postgres-date') return 'pg driver';
    if (pkg === 'express' || pkg === 'router' || pkg === 'body-parser' || pkg === 'raw-body' || pkg === 'iconv-lite')
      return 'express';
    if (pkg.startsWith('pino') || pkg === 'sonic-boom' || pkg === 'thread-stream') return 'logging (pino)';
    if (pkg === 'ioredis' || pkg === 'redis-parser' || pkg === '@ioredis/commands') return 'redis client';
    if (pkg === 'jose') return 'auth (jose)';
    if (pkg === 'zod') return 'validation (zod)';
    if (pkg === 'prom-client') return 'metrics (prom-client)';
    return `other package: ${pkg}`;
  }
  if (url.includes('/backend/src/') || url.includes('/protocol/src/')) {
    const file = url.slice(url.lastIndexOf('/src/') + 5);
    return `ours: ${file}`;
  }
  if (url.startsWith('node:')) {
    if (/node:(_http|http|net|stream|internal\/streams|internal\/http)/.test(url)) return 'node http/net';
    return `node: ${url.slice(5).split('/')[0]}`;
  }
  if (url === '') return functionName === '' ? '(native)' : `native: ${functionName}`;
  return 'other';
}

export async function summarizeProfiles(dir: string): Promise<Array<{ part: string; ms: number; share: string }>> {
  const totals = new Map<string, number>();
  let all = 0;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const part = partOf(node.callFrame);
      const us = profile.timeDeltas[i] ?? 0;
      totals.set(part, (totals.get(part) ?? 0) + us);
      if (part !== '(idle)') all += us;
    });
  }
  return [...totals.entries()]
    .filter(([part]) => part !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .map(([part, us]) => ({ part, ms: Math.round(us / 1000), share: `${((us / all) * 100).toFixed(1)}%` }));
}
