// Canonical question kinds: questions every ATS asks in its own words, recognised whatever the
// phrasing, so that one profile field or one saved answer answers them all. A kind carries what
// it is about when that changes the answer: the skill of "years of TypeScript", the country of
// "authorized to work in Germany", the age of "at least 21", whether the question is negated
// ("…NOT require sponsorship") or scoped ("…without restriction"). What cannot be read safely
// (two negations, several countries, a region) is marked `unclear`, and the policy asks the user.
import { countriesIn } from '@jobswipe/protocol/countries';
import { norm } from './option-match.ts';

export type QuestionKind =
  | { key: 'referralSource' }
  /** The name the applicant goes by ("Preferred first name", "What name do you go by?"). */
  | { key: 'preferredName' }
  | { key: 'earliestStartDate' }
  | { key: 'noticePeriod' }
  | { key: 'legalAge'; minimum: number; inverted: boolean }
  /** Worked for an employer before; which one (the posting's or another) only the job tells. */
  | { key: 'previouslyEmployed'; negated: boolean }
  | { key: 'relocation' }
  /** Willing to work in these arrangements (all of them); `negated` ("…not remote…") is asked. */
  | { key: 'workArrangement'; modes: WorkMode[]; negated: boolean }
  | { key: 'currentSalary' }
  | { key: 'expectedSalary' }
  | { key: 'pronouns' }
  /** Total professional experience; `atLeast` when the question asks "at least N years?". */
  | { key: 'totalYears'; atLeast: number | null }
  /** Experience with one skill, tool or domain ("relevant" counts as one: it is not the total). */
  | { key: 'skillYears'; skill: string }
  /** Needs sponsorship (inverted: "…will NOT require sponsorship?"), for `country` or the job's. */
  | { key: 'sponsorship'; country: string | null; inverted: boolean; unclear: boolean }
  /** May work in `country` (or the job's); `unrestricted`: also without any sponsorship. */
  | { key: 'workAuthorization'; country: string | null; unrestricted: boolean; inverted: boolean; unclear: boolean };

export type QuestionKey = QuestionKind['key'];
export type WorkMode = 'onsite' | 'hybrid' | 'remote';

const NEGATION = /\b(not|no|never|without|dont|doesnt|wont|isnt|arent|cannot|cant|neither|nor)\b/g;
const REGION =
  /\b(eu|european union|eea|european economic area|schengen|emea|apac|latam|europe|asia|any country|the following countries)\b/;
const NAMES_OTHER_PLACES = /\bor\b|\band\b/;

const SPONSOR =
  /\bsponsor(ship|ed|ing)?\b|\b(require|need)\w* (a |an |any )?(new |employment |work )?(visa|work permit)\b/;
const AUTHORIZED =
  /\b(authori[sz]ed|eligible|entitled|permitted|legally able|legally allowed|allowed|have the right|right) to (legally )?work\b|\bwork authori[sz]ation\b|\bauthori[sz]ation to work\b|\blegally work\b|\bwork (legally|lawfully)\b|\bright to work\b/;
const UNRESTRICTED =
  /\b(without (a |an |any )?(new |additional |further )?(work permit|visa|permit)|permanently|without (any )?restrictions?|unrestricted|for any (us |u s )?employer|indefinitely|without (the )?need (for|of)|without (requiring|needing)|without (visa |employer |company )?sponsorship)\b/;

const REFERRAL =
  /\bhow did you (hear|learn|find out|find|come across|discover)\b|\bwhere did you (first )?(hear|learn|find|see|discover|come across)\b|\b(referral|lead|candidate|applicant|application) source\b|\bsource of (your )?(application|referral)\b|\bhow were you referred\b|\bhow you heard\b/;
const START =
  /\bwhen (can|could|would|will) you (start|begin|join)\b|\bearliest (possible )?(start|starting|date|availability|available)\b|\b(desired|preferred|possible|expected|available|availability|potential) start(ing)? date\b|\bstart date\b|\bdate (you are |you re )?available\b|\bavailab\w* (to start|date|to begin|to join)\b|\bhow soon (can|could) you\b/;
const NOTICE = /\bnotice period\b|\bhow much notice\b|\bnotice (do you|are you|you need|required|to your)\b/;
const AGE_NUMBER = /\b(1[4-9]|2[0-5]|sixteen|eighteen|twenty one)\b/;
const AGE_WORDS = /\b(age|years? old|yrs old|of age|or older|or over|or above|and over|older than|younger than)\b/;
const LEGAL_AGE = /\blegal (working )?age\b|\bage of majority\b|\bminimum (legal |working )?age\b/;
const UNDER_AGE = /\b(under|younger than|below|less than) (the age of )?(1[4-9]|2[0-5]|sixteen|eighteen|twenty one)\b/;
const PREVIOUSLY =
  /\b(previously|ever|formerly|before|in the past|prior(ly)?)\b.*\b((work|worked|working|interned) (for|at|with [A-Za-z]+ as)|employed|been (an?|one of) .{0,40}\b(employee|contractor|intern|consultant)s?)\b|\bformer\b.{0,40}\b(employee|contractor|intern)s?\b|\b(worked|been employed|interned) (for|at|by) .+ (before|previously|in the past)\b|\bcurrent or (former|past|previous) .{0,40}\b(employee|contractor|intern)\b|\bex ?employee\b/;
/** Words that refer to the posting's employer without naming it. */
const THIS_COMPANY =
  /\b(this|our|the) (company|organi[sz]ation|employer|firm|business|group|team)\b|\b(for|by|at|with|of|join(ed)?) us\b|\bany of our\b|\bour (subsidiaries|affiliates|brands)\b|\b(worked|employed) here\b/;
const RELOCATE = /\brelocat\w*\b/;
/** Relocation help, timing, or "based in or willing to relocate": not the yes/no of willingness. */
const NOT_WILLINGNESS =
  /\b(assistance|package|support|reimburse\w*|bonus|costs?|expenses?|stipend|time|how long|when|based|located|live|living|reside|residing)\b/;
const ARRANGEMENT =
  /\b(on ?site|in ?office|in the office|in person|hybrid|commut\w*|remote(ly)?|work(ing)? from home|wfh)\b/g;
const WILLING = /\b(willing|able|open|comfortable|prepared|ok|okay|happy|agree|available|plan)\b/;
/** A question that only points back at what the sentences before it said ("Does that work for you?"). */
const REFERS_BACK =
  /^(does|do|would|will|is|are|can|could) (that|this|it|these|those|such an? \w+|this (arrangement|schedule|requirement|work (model|arrangement|schedule))) (work|suit|fit)s? (for )?you\b|^(is|would) (that|this|it) (be )?(ok|okay|fine|acceptable|possible|feasible|manageable)\b/;
/** "Is that something you can commit to?", "Are you able to meet this requirement?": a pronoun for
 * what came before, and willingness or ability to do it. */
const POINTS_BACK = /\b(that|this|it|these|those)\b/;
const CAN_DO =
  /\b(willing|able|open|comfortable|prepared|ok|okay|fine|happy|agree|commit|accommodate|meet|manage|accept|work for|works for|suit|acceptable|possible|feasible)\b/;
const CURRENT_PAY =
  /\b(current|present|existing|last|latest|most recent|previous)\b.*\b(salary|compensation|pay|ctc|base|package|earnings|wage)\b/;
const EXPECTED_PAY =
  /\b(salary|compensation|pay|ctc|remuneration|wage)\b.*\b(expectations?|expected|desired|requirements?|range|target)\b|\b(expected|desired|target|required|requested)\b.*\b(salary|compensation|pay|ctc|remuneration|wage)\b|^(salary|compensation)$/;
const PRONOUNS = /\bpronouns?\b/;
const PREFERRED_NAME =
  /\b(preferred|chosen) (first |given )?name\b|\bnick ?name\b|\bname (that )?(do |would )?you (go|prefer to go|would like to go|like to go) by\b|\bwhat (name )?(do|would) you (like|prefer) (us )?to (be )?call(ed)?\b|\bwhat should we call you\b|\bwhat do you (like|prefer) to be called\b/;
const YEARS = /\byears?\b|\byrs\b/;
const EXPERIENCE = /\bexperience\b|\bexperienced\b|\bworked with\b|\bworking with\b|\bused\b|\bprofessional(ly)?\b/;
const GENERIC_EXPERIENCE =
  /\b(do|you|have|how|many|much|years?|yrs|of|with|in|using|the|your|total|overall|professional|professionally|work|working|industry|paid|full|time|hands|on|experience|experienced|post|graduate|career|what|is|are|number|please|indicate|state|enter|select|at|least|minimum|more|than|or|a|an|plus|\d+)\b/g;
const ABOUT_SKILL = /\b(relevant|related|similar|comparable|direct|directly)\b/;

function sentenceWith(text: string, re: RegExp): string {
  const sentences = text.split(/[.?!;:\n]+/).filter((s) => s.trim());
  return sentences.find((s) => re.test(norm(s))) ?? text;
}

function negations(sentence: string): number {
  return (norm(sentence).match(NEGATION) ?? []).length;
}

function numberWord(word: string): number {
  return ({ eighteen: 18, 'twenty one': 21, sixteen: 16 } as Record<string, number>)[word] ?? Number(word);
}

function ageQuestion(n: string): QuestionKind | null {
  if (EXPERIENCE.test(n)) return null;
  if (LEGAL_AGE.test(n)) return { key: 'legalAge', minimum: 18, inverted: false };
  const age = AGE_NUMBER.exec(n);
  if (!age || !AGE_WORDS.test(n)) return null;
  return { key: 'legalAge', minimum: numberWord(age[1] ?? ''), inverted: UNDER_AGE.test(n) };
}

/** The one country a sentence names, null when none, 'unclear' when several or a region. */
function askedCountry(sentence: string): string | null | 'unclear' {
  const n = norm(sentence);
  if (REGION.test(n)) return 'unclear';
  const found = countriesIn(sentence);
  if (found.length > 1) return 'unclear';
  return found[0] ?? null;
}

function workQuestion(label: string): QuestionKind | null {
  const n = norm(label);
  const sponsor = SPONSOR.test(n);
  const authorized = AUTHORIZED.test(n);
  if (!sponsor && !authorized) return null;
  const sentence = sentenceWith(label, sponsor ? SPONSOR : AUTHORIZED);
  const s = norm(sentence);
  const country = askedCountry(sentence);
  const negs = negations(sentence);
  // "Will you require sponsorship to retain your work authorization?" asks about sponsorship.
  const needsVerb = /\b(require|need)\w*\b/.test(s) && SPONSOR.test(s) && !UNRESTRICTED.test(s);
  if (authorized && !needsVerb) {
    const unrestricted = UNRESTRICTED.test(s);
    // "…without sponsorship" is the scope, not a negation of the question; a "without" that is
    // not a scope this reads ("without a degree"?) makes the question unclear.
    const withouts = (s.match(/\bwithout\b/g) ?? []).length;
    const own = negs - withouts;
    const both = SPONSOR.test(s) && !unrestricted;
    return {
      key: 'workAuthorization',
      country: country === 'unclear' ? null : country,
      unrestricted,
      inverted: own === 1,
      unclear:
        country === 'unclear' || own > 1 || both || NAMES_OTHER_PLACES.test(s.replace(/\bnow or in the future\b/, '')),
    };
  }
  // "Are you able to work without sponsorship?" says the opposite of "Do you need sponsorship?".
  // "Are you authorized…, or will you require sponsorship?" asks two things at once.
  const twoQuestions =
    authorized &&
    /\bor\b/.test(
      s.replace(
        /\bnow or (will you )?in the future\b|\b(retain|extend|maintain|obtain|renew) or (retain|extend|maintain|obtain|renew)\b/g,
        '',
      ),
    );
  return {
    key: 'sponsorship',
    country: country === 'unclear' ? null : country,
    inverted: negs === 1,
    unclear: country === 'unclear' || negs > 1 || twoQuestions,
  };
}

/** Words that qualify experience without naming what it is with ("commercial TypeScript"). */
const QUALIFIERS =
  /\b(commercial|practical|production|real world|solid|proven|demonstrable|demonstrated|recent|prior|previous|actual|applied|hands on|handson|job|jobs|role|roles|position|positions|worked|used|do|does|you|have|has|had|possess|bring)\b/g;
/** One name per skill: the spellings real forms use for the same tool. */
const SKILL_NAMES: Array<[RegExp, string]> = [
  [/\bnode ?js\b|\bnode\b/g, 'node'],
  [/\breact ?js\b/g, 'react'],
  [/\bvue ?js\b/g, 'vue'],
  [/\bnext ?js\b/g, 'nextjs'],
  [/\bangular ?js\b/g, 'angularjs'],
  [/\bgolang\b/g, 'go'],
  [/\bpostgre ?sql\b|\bpostgres\b/g, 'postgresql'],
  [/\bk8s\b/g, 'kubernetes'],
  [/\bamazon web services\b/g, 'aws'],
  [/\bgoogle cloud( platform)?\b/g, 'gcp'],
  [/\bts\b/g, 'typescript'],
  [/\bjs\b|\becmascript\b/g, 'javascript'],
  [/\bml\b/g, 'machine learning'],
];

/**
 * The skill, tool or domain a years question is about, in one spelling: "How many years of
 * hands-on TypeScript experience do you have?" and "years of experience with TS" are both
 * "typescript". Empty for total experience.
 */
function skillOf(n: string): string {
  let skill = n
    .replace(GENERIC_EXPERIENCE, ' ')
    .replace(QUALIFIERS, ' ')
    .replace(/[^a-z ]+/g, ' ');
  for (const [re, name] of SKILL_NAMES) skill = skill.replace(re, name);
  return skill.replace(/\s+/g, ' ').trim();
}

function yearsQuestion(label: string): QuestionKind | null {
  const n = norm(label);
  if (!YEARS.test(n) || !EXPERIENCE.test(n)) return null;
  if (!/\bhow (many|much)\b|\byears? of\b|\bexperience\b/.test(n)) return null;
  const threshold = /\b(\d+)\s*(\+|plus|or more|years? or more)|\b(at least|minimum( of)?|more than|over)\s+(\d+)/.exec(
    label.toLowerCase(),
  );
  const skill = skillOf(n);
  if (ABOUT_SKILL.test(n) && !skill.replace(ABOUT_SKILL, '').trim()) return { key: 'skillYears', skill: 'relevant' };
  if (skill) return { key: 'skillYears', skill };
  const atLeast = threshold ? Number(threshold[1] ?? threshold[5]) : null;
  return { key: 'totalYears', atLeast: Number.isFinite(atLeast) ? atLeast : null };
}

/** The canonical kind of a question, or null for any other question. */
export function questionKind(label: string): QuestionKind | null {
  const n = norm(label);
  if (!n) return null;
  const work = workQuestion(label);
  if (work) return work;
  if (REFERRAL.test(n) && !/\bwho\b/.test(n)) return { key: 'referralSource' };
  if (NOTICE.test(n)) return { key: 'noticePeriod' };
  if (START.test(n)) return { key: 'earliestStartDate' };
  const age = ageQuestion(n);
  if (age) return age;
  if (PREVIOUSLY.test(n)) return { key: 'previouslyEmployed', negated: negations(sentenceWith(label, PREVIOUSLY)) > 0 };
  if (RELOCATE.test(n) && !NOT_WILLINGNESS.test(n)) return { key: 'relocation' };
  if (CURRENT_PAY.test(n)) return { key: 'currentSalary' };
  if (EXPECTED_PAY.test(n)) return { key: 'expectedSalary' };
  if (PRONOUNS.test(n)) return { key: 'pronouns' };
  if (PREFERRED_NAME.test(n) && !/\b(legal|referr\w*|manager|company|school|employer)\b/.test(n))
    return { key: 'preferredName' };
  const years = yearsQuestion(label);
  if (years) return years;
  return arrangementQuestion(label);
}

function modeOf(word: string): WorkMode {
  return /hybrid/.test(word) ? 'hybrid' : /remote|home|wfh/.test(word) ? 'remote' : 'onsite';
}

/**
 * Willingness to work on site, hybrid or remote. The question itself names the arrangement ("Are
 * you comfortable working on site or hybrid?") or points back at the sentences that do ("This
 * role is hybrid: 3 days a week in our Berlin office. Does that work for you?"); a question about
 * something else next to an arrangement ("This role is remote. Are you able to work EST hours?")
 * is not this kind.
 */
function arrangementQuestion(label: string): QuestionKind | null {
  const raw = label.split(/(?<=[.?!;:\n])\s*/).filter((x) => norm(x));
  // The question is the last sentence asking one (ends with "?"), else the last sentence.
  const asked = [...raw].reverse().find((x) => x.trim().endsWith('?')) ?? raw[raw.length - 1] ?? label;
  const sentences = raw.map(norm);
  const question = norm(asked);
  const own = question.match(ARRANGEMENT) ?? [];
  let scope: string;
  if (own.length && (WILLING.test(question) || REFERS_BACK.test(question))) scope = question;
  else if (!own.length && (REFERS_BACK.test(question) || (POINTS_BACK.test(question) && CAN_DO.test(question))))
    scope = sentences.join(' ');
  else return null;
  const words = scope.match(ARRANGEMENT) ?? [];
  if (!words.length) return null;
  const modes = [...new Set(words.map(modeOf))].sort();
  return { key: 'workArrangement', modes, negated: negations(scope) > 0 };
}

/** True when a saved answer to question `a` answers question `b` (the same question, or `b` asks less). */
export function sameKind(a: QuestionKind, b: QuestionKind): boolean {
  if (a.key !== b.key) return false;
  switch (a.key) {
    case 'skillYears':
      // A one-letter skill is C, C++, C# or R once punctuation is gone: never carried over.
      return a.skill.length > 1 && a.skill === (b as typeof a).skill;
    case 'workArrangement': {
      // A saved "on site or hybrid" answers a hybrid question; never across a negation.
      const asked = b as typeof a;
      return !a.negated && !asked.negated && asked.modes.every((m) => a.modes.includes(m));
    }
    case 'legalAge':
      return a.minimum === (b as typeof a).minimum && a.inverted === (b as typeof a).inverted;
    case 'totalYears':
      return a.atLeast === (b as typeof a).atLeast;
    case 'sponsorship':
    case 'workAuthorization':
      // Their answers depend on the country and the wording: derived from the profile, never reused.
      return false;
    case 'previouslyEmployed':
      // Which employer each asks about is known only with the posting: see `employerAsked`.
      return !a.negated && !(b as typeof a).negated;
    default:
      return true;
  }
}

const LEGAL_SUFFIX =
  /\b(inc|llc|ltd|limited|gmbh|corp|corporation|co|company|plc|sa|ag|bv|nv|group|holdings|technologies|labs)\b/g;

/** A company's name without its legal form: "Acme Robotics, Inc." → "acme robotics". */
export function companyName(company: string): string {
  return norm(company).replace(LEGAL_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
}

/** Capitalised names after "for", "by", "at", "with": the employers a question names. */
const NAMED = /\b(?:for|by|at|with|of|joined)\s+((?:[A-Z0-9][\w&'.-]*)(?:\s+(?:[A-Z0-9][\w&'.-]*|&|and|of))*)/g;

/**
 * Which employer a "worked here before?" question asks about: `job` (the posting's, by name or
 * as "this company" / "us"), `other` (it names another company), or null (it says no employer:
 * "Have you worked at a startup before?"). Saved questions are lower-case, so in them only the
 * posting's name or the words for "this company" count.
 */
export function employerAsked(label: string, company: string | null): 'job' | 'other' | null {
  const n = norm(label);
  const name = company ? companyName(company) : '';
  const first = name.split(' ')[0] ?? '';
  const saysJob =
    (name !== '' && ` ${n} `.includes(` ${name} `)) ||
    (first.length >= 3 &&
      new RegExp(
        `\\b(for|by|at|with|of|joined|former|ex) ${first}\\b|\\b${first} (employee|contractor|intern|or any)`,
      ).test(n));
  if (saysJob) return 'job';
  const others = [...label.matchAll(NAMED)]
    .map((m) => norm(m[1] ?? ''))
    .filter((m) => m && !THIS_COMPANY.test(`for ${m}`) && !/^(us|our|the|this|any|a|an|\d+)\b/.test(m));
  if (others.length) return 'other';
  return THIS_COMPANY.test(n) ? 'job' : null;
}
