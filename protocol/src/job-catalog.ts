// What the catalog knows of a job beyond its text, and how it is read: the job type the boards
// publish (Lever's commitment, Ashby's employmentType, a Greenhouse board's "Employment Type"
// metadata), the seniority its title states, and the skills its posting names from one
// vocabulary. The importers fill the jobs table with these; the deck ranks by them and the web
// says why a card fits with them, so both read the same words the same way. No zod here: the
// web's first page imports it.

export const JOB_TYPES = ['full_time', 'part_time', 'contract', 'internship', 'temporary'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_TYPE_LABELS: Record<JobType, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
};

/** A stored job type, or null when it is none the catalog knows. */
export function asJobType(value: string | null): JobType | null {
  return JOB_TYPES.find((t) => t === value) ?? null;
}

/** A board's own word for the job type ("Full-time", "FullTime", "Contractor", …), or null when it says none of these. */
export function jobTypeOf(text: string | null | undefined): JobType | null {
  const t = (text ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (!t) return null;
  if (/^(fulltime|permanent|regular)/.test(t)) return 'full_time';
  if (t.startsWith('parttime')) return 'part_time';
  if (/^(contract|freelance)/.test(t)) return 'contract';
  if (/^intern/.test(t)) return 'internship';
  if (/^(temp|seasonal)/.test(t)) return 'temporary';
  return null;
}

export const SENIORITIES = ['intern', 'junior', 'senior', 'staff', 'principal', 'lead', 'manager', 'director'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const SENIORITY_LABELS: Record<Seniority, string> = {
  intern: 'Intern',
  junior: 'Junior',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  lead: 'Lead',
  manager: 'Manager',
  director: 'Director',
};

/** A stored seniority, or null when it is none the catalog knows. */
export function asSeniority(value: string | null): Seniority | null {
  return SENIORITIES.find((s) => s === value) ?? null;
}

/** The first rule a title matches wins: "Senior Engineering Manager" manages, "Staff Engineer" is staff. */
const SENIORITY_RULES: [RegExp, Seniority][] = [
  [/\bintern(ship)?\b/i, 'intern'],
  [/\b(junior|jr\.?|graduate|entry[- ]level|apprentice)\b/i, 'junior'],
  [/\b(director|head of|vp|vice president|chief)\b/i, 'director'],
  [/\bprincipal\b/i, 'principal'],
  [/\bstaff\b/i, 'staff'],
  [/\bmanager\b/i, 'manager'],
  [/\b(lead|tech lead)\b/i, 'lead'],
  [/\b(senior|sr\.?)\b/i, 'senior'],
];

/** The seniority a job title states, or null when it states none (no level is guessed). */
export function seniorityOf(title: string): Seniority | null {
  return SENIORITY_RULES.find(([rule]) => rule.test(title))?.[1] ?? null;
}

/**
 * Skills a posting may name, each with how it is written. Case-insensitive unless the name is
 * also an everyday word ("Go", "Rust" is not one of those but "Swift" is).
 */
const SKILLS: [name: string, pattern: RegExp][] = [
  ['TypeScript', /\btypescript\b/i],
  ['JavaScript', /\bjavascript\b/i],
  ['React', /\breact(\.js)?\b/i],
  ['Vue', /\bvue(\.js)?\b/i],
  ['Angular', /\bangular\b/i],
  ['Node.js', /\bnode(\.js)?\b/i],
  ['Python', /\bpython\b/i],
  ['Go', /\b(Go|Golang|golang)\b/],
  ['Rust', /\brust\b/i],
  ['Java', /\bjava\b/i],
  ['Kotlin', /\bkotlin\b/i],
  ['Swift', /\bSwift(UI)?\b/],
  ['Ruby', /\bruby\b/i],
  ['Rails', /\brails\b/i],
  ['PHP', /\bphp\b/i],
  ['C#', /(^|[^\w])c#(?!\w)/i],
  ['C++', /(^|[^\w])c\+\+(?!\w)/i],
  ['Scala', /\bscala\b/i],
  ['SQL', /\bsql\b/i],
  ['PostgreSQL', /\b(postgresql|postgres)\b/i],
  ['MySQL', /\bmysql\b/i],
  ['Redis', /\bredis\b/i],
  ['Kafka', /\bkafka\b/i],
  ['GraphQL', /\bgraphql\b/i],
  ['Kubernetes', /\b(kubernetes|k8s)\b/i],
  ['Docker', /\bdocker\b/i],
  ['Terraform', /\bterraform\b/i],
  ['AWS', /\b(aws|amazon web services)\b/i],
  ['GCP', /\b(gcp|google cloud)\b/i],
  ['Azure', /\bazure\b/i],
  ['Linux', /\blinux\b/i],
  ['Machine learning', /\b(machine learning|ml models?)\b/i],
  ['Data analysis', /\bdata analysis\b/i],
  ['Spark', /\bspark\b/i],
  ['Figma', /\bfigma\b/i],
  ['Design systems', /\bdesign systems?\b/i],
  ['Accessibility', /\b(accessibility|wcag)\b/i],
  ['iOS', /\bios\b/i],
  ['Android', /\bandroid\b/i],
  ['Excel', /\bexcel\b/i],
  ['Salesforce', /\bsalesforce\b/i],
  ['SEO', /\bseo\b/i],
];

/** The skills `text` names, in the vocabulary's order. */
export function skillsIn(text: string): string[] {
  return SKILLS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Words of a title worth matching on ("Senior Data Engineer" → senior, data, engineer). */
export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}\p{N}+#]+/u)
        .filter((w) => w.length >= 3),
    ),
  ];
}

/** The skills a profile shows: its title and the titles and descriptions of its work history. */
export function profileSkills(profile: {
  currentTitle: string | null;
  workHistory: { title: string; description?: string | undefined }[];
}): string[] {
  return skillsIn(
    [profile.currentTitle ?? '', ...profile.workHistory.map((w) => `${w.title}\n${w.description ?? ''}`)].join('\n'),
  );
}

/**
 * Where the boards keep their customers' logos (Greenhouse's board-logo CDN, Lever's logo bucket,
 * Ashby's organisation-theme logos). A logo is kept, and shown, only from under one of these: over
 * https, on the board's own hosts, never an address a posting chose, so no image the deck loads can
 * point inside a network. The web's Content-Security-Policy allows images from these and nowhere
 * else on the internet (a `*.` host is any subdomain, as in CSP).
 */
export const LOGO_SOURCES = [
  'https://*.cdn.greenhouse.io/external_greenhouse_job_boards/logos/',
  'https://lever-client-logos.s3.amazonaws.com/',
  'https://lever-client-logos.s3.us-west-2.amazonaws.com/',
  'https://app.ashbyhq.com/api/images/org-theme-logo/',
] as const;

/** `text` as a logo address if it lies under one of LOGO_SOURCES (no other port, no credentials), else null. */
export function logoUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const under = LOGO_SOURCES.some((source) => {
    const root = new URL(source);
    const host = root.hostname.startsWith('*.')
      ? url.hostname.endsWith(root.hostname.slice(1))
      : url.hostname === root.hostname;
    return (
      host &&
      url.protocol === root.protocol &&
      url.port === root.port &&
      url.pathname.startsWith(root.pathname) &&
      url.pathname !== root.pathname
    );
  });
  return under ? url.href : null;
}
