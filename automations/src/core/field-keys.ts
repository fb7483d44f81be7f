// Canonical keys: what a field asks for in terms of the applicant profile or a canonical question
// kind, recognised from its label. The label decides; the name/id/autocomplete attributes decide
// only when the label is silent (Workday's "Phone Extension" has `phoneNumber` in its id). A
// contact field's word inside a longer question ("list three references with their email
// addresses") is not that field.
import type { FieldType } from '@jobswipe/protocol';
import { norm } from './option-match.ts';
import { type QuestionKind, questionKind } from './question-kinds.ts';

export const PROFILE_KEYS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'phoneCountryCode',
  'phoneType',
  'linkedin',
  'github',
  'twitter',
  'portfolio',
  'website',
  'otherUrl',
  'location',
  'addressLine',
  'city',
  'region',
  'country',
  'postalCode',
  'currentCompany',
  'currentTitle',
  'hispanicLatino',
  'race',
  'gender',
  'veteran',
  'disability',
  'resume',
  'coverLetter',
] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** A profile field, or a canonical question kind with what it is about (a skill, a country). */
export type FieldKey = { key: ProfileKey } | QuestionKind;

const PROFILE_KEY_SET: ReadonlySet<string> = new Set(PROFILE_KEYS);

export function isProfileKey(key: FieldKey): key is { key: ProfileKey } {
  return PROFILE_KEY_SET.has(key.key);
}

/** Self-identification fields: answered from the profile or declined, never guessed. */
export const EEO_KEYS: ReadonlySet<ProfileKey> = new Set(['gender', 'race', 'hispanicLatino', 'veteran', 'disability']);

/** Fields that hold the applicant's own contact or identity details: every profile field but
 * self-identification and the documents. */
const CONTACT_KEYS: ReadonlySet<ProfileKey> = new Set(
  PROFILE_KEYS.filter((k) => !EEO_KEYS.has(k) && k !== 'resume' && k !== 'coverLetter'),
);

/** A contact field asked about someone else, or for something other than the applicant's own value. */
const SOMEONE_ELSE =
  /\b(references?|referees?|referr(ers?|ed by|al name)|emergency|next of kin|managers?|supervisors?|recruiters?|spouses?|parents?|guardians?|contact person|their|his|her|employee who|friends?|list|three|two)\b/;
/** Words a contact label may carry besides the field's own. */
const FILLER = new Set(
  'your you please enter provide the a an of what is are current primary preferred personal own full legal best address addresses number no url link profile page handle id here to where we can reach contact us for updates main home work cell mobile include country code with and or if any optional required e g eg'.split(
    ' ',
  ),
);

// Order matters: specific before general ("email address" before "address", hispanic before race).
const LABEL_RULES: Array<[ProfileKey, RegExp]> = [
  ['firstName', /\b(first|given|fore) ?name\b/],
  ['lastName', /\b(last|family|sur) ?name\b|\bsurname\b/],
  ['email', /\be ?mail\b/],
  [
    'phoneCountryCode',
    /^(?!.*\bnumber\b).*\b(country (phone |calling |dial(ing)? )?code|(phone|dial(ing)?|calling) (country )?code)\b|^code$/,
  ],
  // Workday's "Phone Device Type" (Mobile / Landline / Work…) asks what kind of phone it is.
  [
    'phoneType',
    /\b(phone|telephone|contact number) (device )?type\b|\btype of (phone|telephone|phone number)\b|^(phone )?device type$/,
  ],
  // "Phone number (include country code)" is the phone; "Phone code" is the picker beside it.
  ['phone', /^(?!.*\b(type|extension|ext)\b)(?!(?!.*\bnumber\b).*\bcode\b).*\b(phone|mobile|cell|telephone)\b/],
  ['linkedin', /\blinked ?in\b/],
  ['github', /\bgit ?hub\b/],
  ['twitter', /\btwitter\b|\bx handle\b/],
  ['portfolio', /\bportfolio\b/],
  ['hispanicLatino', /\bhispanic\b|\blatin[oax]\b/],
  ['race', /\brace\b|\bethnicity\b|\bethnic\b/],
  ['gender', /\bgender\b|^sex$/],
  ['veteran', /\bveteran\b|\bmilitary service\b/],
  ['disability', /\bdisabilit/],
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

const HINT_RULES: Array<[ProfileKey, RegExp]> = [
  ['firstName', /first_?name|firstname|given-name|\bfname\b|legalnamesection_firstname/],
  ['lastName', /last_?name|lastname|family-name|\blname\b|legalnamesection_lastname/],
  ['email', /\bemail\b|e-mail/],
  [
    'phone',
    /^(?!.*(extension|\bext\b|countrycode|country-code|phone_?type|device)).*(\bphone\b|\btel\b|phone-number|phonenumber)/,
  ],
  ['phoneType', /phone_?(device_?)?type|device_?type|phonetype/],
  ['phoneCountryCode', /phone_?country|country_?code|countrycode|phone_?code|dial_?code|calling_?code/],
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

const FILE_KEYS: ReadonlySet<ProfileKey> = new Set(['resume', 'coverLetter']);

/** Self-identification forms that ask "check one of the boxes below" say the topic in the options. */
const OPTION_TOPICS: Array<[ProfileKey, RegExp]> = [
  ['disability', /\bdisabilit/],
  ['veteran', /\bveteran\b/],
];

/** Labels that say nothing about what is asked: the attributes may then speak. */
const SILENT =
  /^(|answer|your answer|type here|enter|text|input|field|value|select|choose|select one|optional|required|((personal|contact|basic|your|applicant|candidate|general) )?(details|information|info))$/;

/** True when a contact field's rule matched a label that asks something else around it. */
function asksMoreThanTheField(text: string): boolean {
  if (SOMEONE_ELSE.test(text)) return true;
  const extra = text.split(' ').filter((w) => w && !FILLER.has(w));
  // The field's own words ("email", "linkedin", "first name") are at most three.
  return extra.length > 4;
}

function byLabel(text: string): ProfileKey | null {
  const key = LABEL_RULES.find(([, re]) => re.test(text))?.[0] ?? null;
  if (key && CONTACT_KEYS.has(key) && asksMoreThanTheField(text)) return null;
  return key;
}

/**
 * What a field asks for, or null for a custom question. `placeholder` is text the user sees, so it
 * speaks like the label does when the label names no field ("Additional information" with the
 * placeholder "Add a cover letter or anything else…").
 */
export function fieldKey(
  label: string,
  hints: string,
  type: FieldType,
  options: string[] = [],
  placeholder = '',
): FieldKey | null {
  const text = norm(label);
  const kind = type === 'file' ? null : questionKind(label);
  if (kind) return kind;
  const byOptions = OPTION_TOPICS.find(([, re]) => options.filter((o) => re.test(norm(o))).length >= 2)?.[0];
  const labelled = byLabel(text) ?? (placeholder ? byLabel(norm(placeholder)) : null) ?? byOptions ?? null;
  // A file input is only ever a resume or cover letter, whatever its label says around it.
  if (type === 'file') {
    if (labelled && FILE_KEYS.has(labelled)) return { key: labelled };
    const hinted = HINT_RULES.find(([key, re]) => FILE_KEYS.has(key) && re.test(hints))?.[0];
    return hinted ? { key: hinted } : null;
  }
  if (labelled === 'resume') return null;
  // "Where are you based?" with a "City" placeholder wants the city, not the whole location.
  if (labelled === 'location' && /\bcity\b/.test(hints)) return { key: 'city' };
  // A lone "Address" named `streetAddress` (BambooHR, autocomplete "street-address") is the street line.
  if (labelled === 'location' && /street|address_?line|address-?line1|\baddress_?1\b/.test(hints))
    return { key: 'addressLine' };
  if (labelled) return { key: labelled };
  if (!SILENT.test(text)) return null;
  const hinted = HINT_RULES.find(([, re]) => re.test(hints))?.[0];
  return hinted ? { key: hinted } : null;
}
