/** Onboarding's steps, in order; `profile.onboardingStep` is the index of the first unfinished one. */
export const ONBOARDING_STEPS = [
  'About you',
  'Links',
  'Work authorization',
  'Preferences',
  'Voluntary questions',
  'Resume',
  'Experience',
] as const;
