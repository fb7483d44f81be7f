// The terminal view a user watches: connection, capacity and why, each running application with
// company, title, step and a percent bar, counts, the last results and messages, cut to the width.
import { expect, it } from 'vitest';
import type { AgentStatus } from '../src/agent/agent-status.ts';
import { renderStatus } from '../src/agent/terminal-view.ts';

const status: AgentStatus = {
  server: 'https://jobswipe.example.com',
  device: 'Ada’s laptop',
  browser: '/usr/bin/chromium (headless)',
  connection: 'connected',
  connectionError: null,
  retryInMs: null,
  capacity: { capacity: 0, configured: 2, paused: true, quiet: false, quietHours: '22:00-07:00' },
  offers: 12,
  claimed: 10,
  running: [
    {
      applicationId: 'a1',
      correlationId: 'c1',
      company: 'Northwind Robotics',
      title: 'Field Service Technician',
      attempt: 1,
      verifyFirst: true,
      step: 'fill',
      percent: 40,
      startedAt: '2026-06-15T10:00:00.000Z',
    },
  ],
  recent: [
    {
      applicationId: 'a0',
      company: 'Lumen Labs',
      title: 'Data Engineer',
      status: 'SUBMITTED',
      startedAt: '2026-06-15T09:58:00.000Z',
      at: '2026-06-15T09:59:00.000Z',
    },
  ],
};

it('shows what a user needs to follow along', () => {
  const text = renderStatus(status, [], 200).join('\n');
  expect(text).toContain('Ada’s laptop → https://jobswipe.example.com · connected');
  expect(text).toContain('Capacity 0 (paused; configured 2)');
  expect(text).toContain('Offers 12 · claimed 10 · running 1');
  expect(text).toContain('▶ Northwind Robotics — Field Service Technician');
  expect(text).toMatch(/fill +\[████████░{12}\] {2}40% {2}attempt 2 · checking for an earlier submission/);
  expect(text).toMatch(/✓ SUBMITTED +Lumen Labs — Data Engineer/);
});

it('says when it is not connected and when it retries; shows warnings', () => {
  const offline: AgentStatus = {
    ...status,
    connection: 'reconnecting',
    connectionError: 'ECONNREFUSED',
    retryInMs: 4_200,
    running: [],
  };
  const text = renderStatus(
    offline,
    [{ time: '2026-06-15T10:00:00.000Z', level: 'warn', msg: 'evidence not stored', error: 'HTTP 413' }],
    200,
  ).join('\n');
  expect(text).toContain('not connected (ECONNREFUSED), retrying in 5 s');
  expect(text).toContain('Waiting for applications…');
  expect(text).toMatch(/warn +evidence not stored: HTTP 413/);
});

it('cuts every line to the terminal width', () => {
  for (const line of renderStatus(status, [], 40)) expect(line.length).toBeLessThanOrEqual(40);
});
