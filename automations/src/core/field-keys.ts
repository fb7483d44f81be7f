// Canonical keys: what a field asks for in terms of the applicant profile, recognised from its
// label (with synonyms) and, when the label is vague, from its name/id/autocomplete attributes.
import type { FieldType } from '@jobswipe/protocol';
import { norm } from './option-match.ts';

export type FieldKey =
  | 'firstName'
  | 'lastName'
  | 'preferredName'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'linkedin'
  | 'github'
  | 'twitter'
  | 'portfolio'
  | 'website'
  | 'otherUrl'
  | 'location'
  | 'addressLine'
  | 'city'
  | 'region'
  | 'country'
  | 'postalCode'
  | 'currentCompany'
  | 'currentTitle'
  | 'yearsOfExperience'
  | 'salary'
  | 'noticePeriod'
  | 'requiresSponsorship'
  | 'workAuthorized'
  | 'hispanicLatino'
  | 'race'
  | 'gender'
  | 'veteran'
  | 'disability'
  | 'resume'
  | 'coverLetter';

/** Compensation, immigration and EEO: answered only from the profile or the user, never guessed. */
export const SENSITIVE_KEYS: ReadonlySet<FieldKey> = new Set([
  'salary',
  'requiresSponsorship',
  'workAuthorized',
  'hispanicLatino',
  'race',
  'gender',
  'veteran',
  'disability',
]);

const SENSITIVE_WORDS =
  /\b(salary|compensation|pay|wage|remuneration|visa|sponsor|sponsorship|authori[sz]ed|authori[sz]ation|immigration|citizen|citizenship|gender|sex|race|ethnic|ethnicity|hispanic|latin[oax]|veteran|disabilit\w*|pronouns?|sexual orientation|transgender|age|date of birth|religion|criminal|ssn|social security)\b/;

/** True when a question's text touches compensation, immigration, EEO or similar protected topics. */
export function isSensitiveQuestion(label: string): boolean {
  return SENSITIVE_WORDS.test(norm(label));
}

// Order matters: specific before general ("email address" before "address", sponsorship before
// authorization, hispanic before race).
const LABEL_RULES: Array<[FieldKey, RegExp]> = [
  ['preferredName', /\b(preferred|nick) ?(first )?name\b/],
  ['firstName', /\b(first|given|fore) ?name\b/],
  ['lastName', /\b(last|family|sur) ?name\b|\bsurname\b/],
  ['email', /\be ?mail\b/],
  ['phone', /^(?!.*\b(type|code|extension|ext)\b).*\b(phone|mobile|cell|telephone)\b/],
  ['linkedin', /\blinked ?in\b/],
  ['github', /\bgit ?hub\b/],
  ['twitter', /\btwitter\b|\bx handle\b/],
  ['portfolio', /\bportfolio\b/],
  ['requiresSponsorship', /\bsponsor(ship)?\b|\bvisa\b/],
  [
    'workAuthorized',
    /\b(authori[sz]ed|eligible|permitted|legally able|right) to work\b|\bwork (authori[sz]ation|permit)\b/,
  ],
  ['hispanicLatino', /\bhispanic\b|\blatin[oax]\b/],
  ['race', /\brace\b|\bethnicity\b|\bethnic\b/],
  ['gender', /\bgender\b|^sex$/],
  ['veteran', /\bveteran\b|\bmilitary service\b/],
  ['disability', /\bdisabilit/],
  ['salary', /\b(salary|compensation|desired pay|expected pay|pay expectations?|remuneration)\b/],
  ['yearsOfExperience', /\byears? of (\w+ )?(professional |relevant |work |industry )?experience\b|\bhow many years\b/],
  ['noticePeriod', /\bnotice period\b|\bwhen can you start\b|\bearliest (possible )?start\b|\bavailab\w* to start\b/],
  [
    'currentCompany',
    /\b(current|present|most recent|latest) (company|employer|organi[sz]ation)\b|^(company|employer|organi[sz]ation|org)$/,
  ],
  ['currentTitle', /\b(current|present|most recent|latest) (job )?(title|role|position)\b|^(job )?title$|^headline$/],
  ['otherUrl', /\bother (url|link|website)\b/],
  ['website', /\b(website|personal site|blog|homepage)\b|^url$/],
  ['resume', /\b(resume|cv|curriculum vitae)\b/],
  ['coverLetter', /\bcover ?letter\b|\bmotivation(al)? letter\b|\bmessage to the hiring (team|manager)\b/],
  ['postalCode', /\b(zip|postal|post) ?code\b|\bpostcode\b|^zip$/],
  ['country', /^(?!.*\b(phone|code)\b).*\bcountry\b/],
  ['region', /^(state|province|region|state province|state or province|state region)$|\bstate province\b/],
  ['addressLine', /\b(street|address line|home address|mailing address)\b|^address 1$/],
  // A lone "Address" asks where the applicant lives; a street line is asked as such.
  [
    'location',
    /^(current )?location\b|^(your |current )?address$|\bwhere are you (currently )?(located|based)\b|\bcity (and|state|country)\b/,
  ],
  ['city', /\bcity\b|\btown\b/],
  ['fullName', /^(full |legal |your )?(full )?name$|\bfull name\b|\bfull legal name\b/],
];

const HINT_RULES: Array<[FieldKey, RegExp]> = [
  ['firstName', /first_?name|firstname|given-name|\bfname\b|legalnamesection_firstname/],
  ['lastName', /last_?name|lastname|family-name|\blname\b|legalnamesection_lastname/],
  ['email', /\bemail\b|e-mail/],
  ['phone', /\bphone\b|\btel\b|phone-number|phonenumber/],
  ['linkedin', /linkedin/],
  ['github', /github/],
  ['portfolio', /portfolio/],
  ['currentCompany', /\borg\b|\borganization\b|current_?company/],
  ['currentTitle', /organization-title|current_?title/],
  ['city', /address-level2|addresssection_city/],
  ['region', /address-level1|addresssection_countryregion/],
  ['postalCode', /postal-code|addresssection_postalcode/],
  ['addressLine', /street-address|address-line1|addresssection_addressline1/],
  ['country', /country-name|\bcountry\b/],
  ['resume', /resume|\bcv\b/],
  ['coverLetter', /cover[_ ]?letter/],
  ['fullName', /_systemfield_name|^name\b|\bname$/],
  ['location', /\blocation\b/],
];

const FILE_KEYS: ReadonlySet<FieldKey> = new Set(['resume', 'coverLetter']);

/** Self-identification forms that ask "check one of the boxes below" say the topic in the options. */
const OPTION_TOPICS: Array<[FieldKey, RegExp]> = [
  ['disability', /\bdisabilit/],
  ['veteran', /\bveteran\b/],
];

/** The profile key a field asks for, or null for a custom question. */
export function fieldKey(label: string, hints: string, type: FieldType, options: string[] = []): FieldKey | null {
  const text = norm(label);
  const byOptions = OPTION_TOPICS.find(([, re]) => options.filter((o) => re.test(norm(o))).length >= 2)?.[0];
  const byLabel = LABEL_RULES.find(([, re]) => re.test(text))?.[0] ?? byOptions;
  // A file input is only ever a resume or cover letter, whatever its label says around it.
  if (type === 'file') {
    if (byLabel && FILE_KEYS.has(byLabel)) return byLabel;
    return HINT_RULES.find(([key, re]) => FILE_KEYS.has(key) && re.test(hints))?.[0] ?? null;
  }
  if (byLabel === 'resume') return null;
  // "Where are you based?" with a "City" placeholder wants the city, not the whole location.
  if (byLabel === 'location' && /\bcity\b/.test(hints)) return 'city';
  if (byLabel) return byLabel;
  // Long labels are custom questions; a stray "name" attribute must not turn them into fields.
  if (text.split(' ').length > 6) return null;
  return HINT_RULES.find(([, re]) => re.test(hints))?.[0] ?? null;
}
