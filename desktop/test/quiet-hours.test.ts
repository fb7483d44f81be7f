// Quiet-hours windows in local time: parsing with clear errors, inside or outside, windows that
// cross midnight, and when the next change comes.
import { describe, expect, it } from 'vitest';
import { isQuiet, msUntilChange, parseQuietHours } from '../src/agent/quiet-hours.ts';

const at = (h: number, m: number, s = 0) => new Date(2026, 5, 15, h, m, s);

describe('parsing', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(parseQuietHours('22:00-07:00')).toMatchObject({ start: 22 * 3600, end: 7 * 3600 });
    expect(parseQuietHours('9:05:30-9:06')).toMatchObject({ start: 9 * 3600 + 5 * 60 + 30, end: 9 * 3600 + 6 * 60 });
  });

  it.each([
    ['22:00', /start-end/],
    ['22:00-07:00-08:00', /start-end/],
    ['25:00-07:00', /"25:00" is not a time of day/],
    ['22:60-07:00', /not a time of day/],
    ['ten-eleven', /not a time of day/],
    ['08:00-08:00', /empty/],
  ])('refuses %s', (text, error) => {
    expect(() => parseQuietHours(text)).toThrow(error);
  });
});

describe('inside or outside', () => {
  it('a window across midnight', () => {
    const q = parseQuietHours('22:00-07:00');
    expect(isQuiet(q, at(21, 59, 59))).toBe(false);
    expect(isQuiet(q, at(22, 0))).toBe(true);
    expect(isQuiet(q, at(3, 0))).toBe(true);
    expect(isQuiet(q, at(6, 59, 59))).toBe(true);
    expect(isQuiet(q, at(7, 0))).toBe(false);
  });

  it('a window within the day', () => {
    const q = parseQuietHours('12:00-13:30');
    expect(isQuiet(q, at(11, 59))).toBe(false);
    expect(isQuiet(q, at(12, 0))).toBe(true);
    expect(isQuiet(q, at(13, 29, 59))).toBe(true);
    expect(isQuiet(q, at(13, 30))).toBe(false);
  });
});

describe('the next change', () => {
  it('is the next boundary, today or tomorrow', () => {
    const q = parseQuietHours('22:00-07:00');
    expect(msUntilChange(q, at(21, 0))).toBe(3600_000);
    expect(msUntilChange(q, at(23, 0))).toBe(8 * 3600_000);
    expect(msUntilChange(q, at(7, 0))).toBe(15 * 3600_000);
    expect(msUntilChange(q, new Date(2026, 5, 15, 21, 59, 59, 500))).toBe(500);
  });
});
