// The country of a job's location, as job boards write places. A place that could be in two
// countries gives no country: authorization questions are then asked, not guessed.
import { describe, expect, it } from 'vitest';
import { countriesIn, countryOfLocation } from '../src/countries.ts';

describe('countryOfLocation', () => {
  it.each([
    ['San Francisco, CA', 'US'],
    ['New York, NY, United States', 'US'],
    ['Remote - US', 'US'],
    ['Remote, USA', 'US'],
    ['Hybrid - Seattle, WA', 'US'],
    ['Austin, Texas', 'US'],
    ['Boston, MA', 'US'],
    ['London, United Kingdom', 'GB'],
    ['Berlin, Germany', 'DE'],
    ['Toronto, ON', 'CA'],
    ['Bengaluru, Karnataka, India', 'IN'],
    ['Sydney, NSW, Australia', 'AU'],
    ['São Paulo, Brazil', 'BR'],
    ['Dublin, Ireland', 'IE'],
  ])('%s → %s', (location, country) => {
    expect(countryOfLocation(location)).toBe(country);
  });

  it.each([
    'London',
    'Remote',
    'Remote (EMEA)',
    'Berlin, DE',
    'Pune, IN',
    'Tel Aviv, IL',
    'Atlanta, Georgia',
    'New York or London, UK',
    'Paris, France; Berlin, Germany',
  ])('%s → none (no country, several, or a place in two)', (location) => {
    expect(countryOfLocation(location)).toBe(null);
  });
});

describe('countriesIn', () => {
  it('lists every country a question names', () => {
    expect(countriesIn('Do you have the right to work in the UK or Ireland?')).toEqual(['GB', 'IE']);
    expect(countriesIn('Are you legally authorized to work in the United States of America?')).toEqual(['US']);
  });
});
