// Choosing the option that means what the profile says.

import { countryCode, countryIn } from '@jobswipe/protocol/countries';
import { describe, expect, it } from 'vitest';
import { matchOption, parseRange } from '../../src/core/option-match.ts';

const EXPERIENCE = ['Less than 1 year', '1-2 years', '3-5 years', '6-10 years', 'More than 10 years'];
const DISABILITY = [
  'Yes, I have a disability (or previously had a disability)',
  'No, I do not have a disability and have not had one in the past',
  'I do not want to answer',
];

describe('matchOption', () => {
  it('maps yes/no in all its wordings', () => {
    expect(matchOption(['Yes', 'No'], true)).toBe('Yes');
    expect(matchOption(['Yes, I am', 'No, I am not'], false)).toBe('No, I am not');
    expect(matchOption(['Yes', 'No'], 'no')).toBe('No');
  });

  it('puts years of experience into their range', () => {
    expect(matchOption(EXPERIENCE, 0)).toBe('Less than 1 year');
    expect(matchOption(EXPERIENCE, 2)).toBe('1-2 years');
    expect(matchOption(EXPERIENCE, 7)).toBe('6-10 years');
    expect(matchOption(EXPERIENCE, 14)).toBe('More than 10 years');
  });

  it('puts years saved as text into their range too, and picks the nearest open-ended one', () => {
    expect(matchOption(['None', 'Less than a year', '1-2 years', '3+ years'], '3')).toBe('3+ years');
    expect(matchOption(['0-1 years', '2-3 years', '4-5 years', '6+ years'], '3')).toBe('2-3 years');
    expect(matchOption(['Under 2 years', '2 to 4 years', 'More than 4 years'], '3')).toBe('2 to 4 years');
    expect(matchOption(['1+', '3+', '5+'], 3)).toBe('3+');
    expect(matchOption(['1+', '3+', '5+'], '6')).toBe('5+');
    expect(matchOption(['0', '1', '2', '3', '4', '5+'], '3')).toBe('3');
  });

  it('reads salary ranges with k and currency signs', () => {
    expect(parseRange('$100k – $120k')).toEqual([100_000, 120_000]);
    expect(matchOption(['$80,000 - $100,000', '$100,001 - $130,000', '$130,000+'], 125_000)).toBe(
      '$100,001 - $130,000',
    );
  });

  it('matches countries by name, code or alias', () => {
    expect(matchOption(['Canada', 'United States', 'Germany'], 'USA')).toBe('United States');
    expect(matchOption(['CA', 'US', 'DE'], 'Germany')).toBe('DE');
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('UK')).toBe('GB');
    expect(countryIn('Do you have the right to work in the United Kingdom?')).toBe('GB');
    expect(countryIn('Tell us about yourself')).toBe(null);
  });

  it('finds the way this form declines', () => {
    expect(matchOption(['Male', 'Female', 'Decline To Self Identify'], 'decline')).toBe('Decline To Self Identify');
    expect(matchOption(DISABILITY, 'decline')).toBe('I do not want to answer');
    expect(matchOption(['Male', 'Female'], 'decline')).toBe(null);
  });

  it('matches EEO wording without flipping a negation', () => {
    expect(matchOption(['Man', 'Woman', 'Non-binary'], 'Female')).toBe('Woman');
    const veteran = [
      'I am not a protected veteran',
      'I identify as one or more of the classifications of protected veteran',
    ];
    expect(matchOption(veteran, 'not a veteran')).toBe('I am not a protected veteran');
    expect(matchOption(DISABILITY, 'No')).toBe(DISABILITY[1]);
  });

  it('refuses to pick when nothing means the value', () => {
    expect(matchOption(['Remote', 'Hybrid'], 'On-site in Paris')).toBe(null);
  });
});
