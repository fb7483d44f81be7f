// Why a job fits the user's profile, in a few words for the card: the title they hold, the skills
// their profile shows, the place they live (or a remote job), the salary they expect. Only what
// the profile and the posting both say; nothing guessed. The deck is ranked by the same things,
// read the same way (job-catalog.ts), so the best-fitting card says the most.
import type { JobView, ProfileView } from '@jobswipe/protocol';
import { profileSkills, titleWords } from '@jobswipe/protocol/job-catalog';

/** At most this many shared skills are named on a card. */
const SKILLS_SHOWN = 3;

export function fitReasons(job: JobView, profile: ProfileView | undefined): string[] {
  if (!profile) return [];
  const reasons: string[] = [];
  if (profile.currentTitle) {
    const jobTitle = job.title.toLowerCase();
    if (titleWords(profile.currentTitle).some((w) => jobTitle.includes(w))) {
      reasons.push(`Like your title (${profile.currentTitle})`);
    }
  }
  const mine = new Set(profileSkills(profile));
  const shared = (job.skills ?? []).filter((s) => mine.has(s));
  if (shared.length > 0) reasons.push(`Your skills: ${shared.slice(0, SKILLS_SHOWN).join(', ')}`);
  const { city, country } = profile.location;
  if (city && job.location.toLowerCase().includes(city.toLowerCase())) reasons.push(`In ${city}`);
  else if (country && job.country && country.trim().toUpperCase() === job.country) reasons.push('In your country');
  else if (job.remote && (city || country)) reasons.push('Remote: from where you live');
  const salary = profile.salaryExpectation;
  const top = job.salaryMax ?? job.salaryMin;
  if (salary?.period === 'year' && top !== null && job.salaryCurrency === salary.currency && top >= salary.amount) {
    reasons.push('Pays what you expect');
  }
  return reasons;
}
