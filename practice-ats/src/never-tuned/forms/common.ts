// Option lists and values several never-tuned forms share.
import { LOCATION_OPTIONS } from '../../shared/locations.ts';
import { options } from '../../spec/form-spec.ts';

export const YES_NO = options(['Yes', 'No']);

/** Phone country pickers: the country and its calling code, submitted as the ISO code. */
export const PHONE_COUNTRIES = [
  { value: 'CA', label: 'Canada +1' },
  { value: 'DE', label: 'Germany +49' },
  { value: 'IN', label: 'India +91' },
  { value: 'SE', label: 'Sweden +46' },
  { value: 'GB', label: 'United Kingdom +44' },
  { value: 'US', label: 'United States +1' },
];

export { LOCATION_OPTIONS };

/** The applicant's phone without its country code, as the pickers' number fields hold it. */
export const NATIONAL_PHONE = '2065550147';
export const FULL_PHONE = '+12065550147';

export const RESUME_TYPES = ['.pdf', '.doc', '.docx', '.txt', '.rtf'] as const;

export const FROM_PHONE_COUNTRY = 'profile.phone +1 with profile.location.country United States';
export const FROM_SPONSORSHIP = 'profile.workAuthorization.requiresSponsorship = false';
export const fromAuthorized = (country: string, yes: boolean) =>
  `profile.workAuthorization.authorizedCountries ${yes ? 'includes' : 'lacks'} ${country} (the job's country)`;
export const NO_COVER_LETTER = 'the profile has no cover letter and none is given';
