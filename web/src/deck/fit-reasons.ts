// Why a job fits the user's profile, in a few words for the card: the title they hold, the place
// they live, the salary they expect. Only what the profile and the posting both say; nothing guessed.
import type { JobView, ProfileView } from '@jobswipe/protocol';

/** Words of a title worth matching on ("Senior Data Engineer" → senior, data, engineer). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => w.length >= 3);
}

export function fitReasons(job: JobView, profile: ProfileView | undefined): string[] {
  if (!profile) return [];
  const reasons: string[] = [];
  if (profile.currentTitle) {
    const jobWords = new Set(words(job.title));
    const shared = words(profile.currentTitle).filter((w) => jobWords.has(w));
    if (shared.length > 0) reasons.push(`Like your title (${profile.currentTitle})`);
  }
  const { city, country } = profile.location;
  if (city && job.location.toLowerCase().includes(city.toLowerCase())) reasons.push(`In ${city}`);
  else if (country && job.country && country.trim().toUpperCase() === job.country) reasons.push('In your country');
  const salary = profile.salaryExpectation;
  const top = job.salaryMax ?? job.salaryMin;
  if (salary?.period === 'year' && top !== null && job.salaryCurrency === salary.currency && top >= salary.amount) {
    reasons.push('Pays what you expect');
  }
  return reasons;
}
