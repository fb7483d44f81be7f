import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../src/questions.ts';

describe('normalizeQuestion', () => {
  it('maps the same question worded with different punctuation, case and markers to one key', () => {
    const key = normalizeQuestion('Are you legally authorized to work in the U.S.?');
    expect(normalizeQuestion('  are you legally authorized to work in the U.S. *')).toBe(key);
    expect(normalizeQuestion('Are you legally authorized to work in the U.S.? (required)')).toBe(key);
    expect(key).toBe('are you legally authorized to work in the u s');
  });

  it('folds accents so a form in another locale finds the saved answer', () => {
    expect(normalizeQuestion('Años de experiencia')).toBe('anos de experiencia');
  });
});
