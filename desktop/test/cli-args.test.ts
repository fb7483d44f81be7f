// The command line: each command with its options, and a clear error (with the usage) for
// anything else.
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/agent/cli-args.ts';

describe('accepted', () => {
  it('run is the default, with its defaults', () => {
    expect(parseCli([])).toEqual({
      command: 'run',
      capacity: 1,
      quietHours: null,
      chrome: undefined,
      headful: false,
      headless: false,
    });
  });

  it('run with every option', () => {
    expect(
      parseCli(['run', '--capacity', '3', '--quiet-hours', '22:00-07:00', '--chrome', '/opt/c', '--headless']),
    ).toMatchObject({
      command: 'run',
      capacity: 3,
      quietHours: { text: '22:00-07:00' },
      chrome: '/opt/c',
      headless: true,
    });
  });

  it('pair, pause, resume, status', () => {
    expect(parseCli(['pair', 'AB12CD34', '--server', 'https://j.example', '--name', 'Desk'])).toEqual({
      command: 'pair',
      code: 'AB12CD34',
      server: 'https://j.example',
      name: 'Desk',
    });
    for (const command of ['pause', 'resume', 'status']) expect(parseCli([command])).toEqual({ command });
  });
});

describe('refused, with what was wrong and the usage', () => {
  it.each([
    [['fly'], /Unknown command "fly"/],
    [['--capacity', '11'], /--capacity "11" must be a whole number from 1 to 10/],
    [['--capacity', 'two'], /--capacity "two"/],
    [['--quiet-hours', '22-07'], /--quiet-hours "22-07": "22" is not a time of day/],
    [['pair'], /pair takes one code/],
    [['pair', 'ABC', '--capacity', '2'], /--capacity does not go with "pair"/],
    [['pause', 'now'], /"pause" takes no arguments/],
    [['--colour'], /Unknown option '--colour'/],
  ])('%j', (argv, error) => {
    expect(() => parseCli(argv)).toThrow(error);
    expect(() => parseCli(argv)).toThrow(/Usage: npm run agent/);
  });
});
