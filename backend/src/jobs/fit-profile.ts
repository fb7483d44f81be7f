// What of a profile the deck ranks by: the words of the user's title, the skills the profile
// shows, where the user lives, and a yearly salary expectation (job-catalog.ts reads each the way
// the web's fit reasons do, so a card's reasons match its place in the deck).
import type { ApplicantProfile } from '@jobswipe/protocol';
import { countryCode } from '@jobswipe/protocol/countries';
import { profileSkills, titleWords } from '@jobswipe/protocol/job-catalog';
import type { FitProfile } from './deck-query.ts';

export function fitProfile(profile: ApplicantProfile): FitProfile {
  const salary = profile.salaryExpectation;
  return {
    titleWords: profile.currentTitle ? titleWords(profile.currentTitle) : [],
    skills: profileSkills(profile),
    city: profile.location.city?.trim() || null,
    country: profile.location.country ? countryCode(profile.location.country) : null,
    salary: salary?.period === 'year' ? { amount: salary.amount, currency: salary.currency } : null,
  };
}
