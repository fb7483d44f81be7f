// Which browser the agent uses and whether it shows it: the installed Chrome first, else the
// configured executable; headless only when there is no display, unless told.

import { chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { expect, it } from 'vitest';
import { chooseBrowser, hasDisplay } from '../src/agent/agent-browser.ts';

const linux = { platform: 'linux' as const, chromeAt: null };

it('the installed Chrome wins; without it, --chrome, then JOBSWIPE_CHROME, then Chromium', () => {
  expect(chooseBrowser({ ...linux, chromeAt: '/opt/google/chrome/chrome', chrome: '/x', env: {} }).browser).toBe(
    'chrome',
  );
  expect(chooseBrowser({ ...linux, chrome: '/opt/chromium', env: { JOBSWIPE_CHROME: '/y' } }).browser).toBe(
    '/opt/chromium',
  );
  expect(chooseBrowser({ ...linux, env: { JOBSWIPE_CHROME: '/y' } }).browser).toBe('/y');
  expect(chooseBrowser({ ...linux, env: {} }).browser).toBe(chromiumExecutable());
});

it('headless by default only without a display', () => {
  expect(chooseBrowser({ ...linux, env: {} }).headless).toBe(true);
  expect(chooseBrowser({ ...linux, env: { DISPLAY: ':0' } }).headless).toBe(false);
  expect(chooseBrowser({ ...linux, env: { WAYLAND_DISPLAY: 'wayland-0' }, headless: true }).headless).toBe(true);
  expect(chooseBrowser({ ...linux, env: { DISPLAY: ':0' }, headful: true }).headless).toBe(false);
  expect(hasDisplay({}, 'darwin')).toBe(true);
  expect(hasDisplay({}, 'win32')).toBe(true);
});

it('--headful without a display, or with --headless, is refused with the reason', () => {
  expect(() => chooseBrowser({ ...linux, env: {}, headful: true })).toThrow(/needs a display, and there is none/);
  expect(() => chooseBrowser({ ...linux, env: { DISPLAY: ':0' }, headful: true, headless: true })).toThrow(/not both/);
});
