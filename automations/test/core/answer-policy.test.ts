// The answer policy on questions as real application forms word them. The phrasings come from
// public forms: Greenhouse job-board API answers (Discord, Airbnb postings), lists of the
// questions Ashby and Lever postings ask, and Workday's standard application questions. None comes
// from our practice forms' answer keys. What must hold: a profile value only when the question
// means exactly that field, never an inverted yes/no, and a question that cannot be read safely
// is asked.
import { ApplicantProfile, type SavedAnswers } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import { type Decision, decide, type FieldFacts } from '../../src/core/answer-policy.ts';
import type { StepInput } from '../../src/core/types.ts';

const US_CITIZEN = ApplicantProfile.parse({
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@example.org',
  phone: '+1 212 555 0199',
  location: { city: 'New York', region: 'NY', country: 'United States' },
  workAuthorization: { authorizedCountries: ['United States'], requiresSponsorship: false },
  salaryExpectation: { amount: 180000, currency: 'USD', period: 'year' },
  noticePeriod: '2 weeks',
  yearsOfExperience: 9,
  earliestStartDate: '2027-03-01',
  referralSource: 'LinkedIn',
  legalAge: true,
  willingToRelocate: false,
  workHistory: [
    { company: 'Globex Corporation', title: 'Staff Engineer', start: '2021-04', current: true },
    { company: 'Initech', title: 'Engineer', start: '2016-01', end: '2021-03' },
  ],
});

/** Authorized in the US today (e.g. on OPT) but will need an H-1B: the case that gets inverted. */
const NEEDS_SPONSORSHIP = ApplicantProfile.parse({
  ...US_CITIZEN,
  workAuthorization: { authorizedCountries: ['US'], requiresSponsorship: true },
});

const UNKNOWN = ApplicantProfile.parse({ firstName: 'Ada', lastName: 'L', email: 'ada@example.org' });

function ask(
  label: string,
  profile: ApplicantProfile,
  more: { type?: FieldFacts['type']; options?: string[]; answers?: SavedAnswers; job?: StepInput['job'] } = {},
): Decision {
  const options = more.options ?? ['Yes', 'No'];
  const type = more.type ?? (options.length === 2 ? 'yes_no' : options.length ? 'select' : 'text');
  const field: FieldFacts = {
    label,
    hints: '',
    type,
    widget: options.length ? 'select' : 'text',
    required: true,
    options: options.map((o) => ({ label: o })),
  };
  const input: StepInput = {
    profile,
    answers: more.answers ?? {},
    files: {},
    submits: 0,
    job: more.job ?? { company: 'Airbnb', country: 'US' },
  };
  return decide(field, input);
}
const value = (d: Decision) => d.answer?.value ?? null;

describe('work authorization and sponsorship: right or asked, never inverted', () => {
  it.each([
    'Will you now or in the future require sponsorship for employment visa status (e.g., H-1B, O-1, etc.)?',
    'Will you now or in the future require company sponsorship to retain or extend your work authorization in the country where the job is located?',
    'Do you now or will you in the future require visa sponsorship?',
    'Will you now or in the future require visa sponsorship for employment in the United States of America?',
    'Will you now, or in the future, require sponsorship for employment visa status (e.g., H-1B visa status)?',
  ])('"%s" follows requiresSponsorship', (label) => {
    expect(value(ask(label, US_CITIZEN))).toBe(false);
    expect(value(ask(label, NEEDS_SPONSORSHIP))).toBe(true);
    expect(ask(label, US_CITIZEN).answer?.ref).toBe('profile.workAuthorization.requiresSponsorship');
    expect(ask(label, UNKNOWN).answer).toBe(null);
  });

  it.each([
    'Are you legally authorized to work in the United States?',
    'Are you legally authorized to work in the United States for our Company?',
    'Are you authorized to work in the U.S.?',
    'Do you have authorization to work in the United States?',
    'Are you legally eligible to work in the US?',
  ])('"%s" is derived from the authorized countries', (label) => {
    expect(value(ask(label, US_CITIZEN))).toBe(true);
    expect(value(ask(label, NEEDS_SPONSORSHIP))).toBe(true);
    expect(ask(label, UNKNOWN).answer).toBe(null);
  });

  it('reads the job country when the question names none', () => {
    const label = 'Are you legally authorized to work in the country where the job is located?';
    expect(value(ask(label, US_CITIZEN, { job: { company: 'Airbnb', country: 'US' } }))).toBe(true);
    expect(value(ask(label, US_CITIZEN, { job: { company: 'Airbnb', country: 'DE' } }))).toBe(false);
    // A posting whose location named no country: asked, not guessed.
    expect(ask(label, US_CITIZEN, { job: { company: 'Airbnb', country: null } }).answer).toBe(null);
  });

  it('a country the applicant may not work in needs sponsorship, whatever the profile says', () => {
    const label = 'Will you require visa sponsorship to work in Germany?';
    expect(value(ask(label, US_CITIZEN))).toBe(true);
    expect(ask(label, US_CITIZEN).answer?.ref).toContain('authorizedCountries');
    expect(value(ask('Do you have the right to work in the United Kingdom?', US_CITIZEN))).toBe(false);
    // "without a new work permit" is the scope, not a negation: No for a US-only applicant.
    expect(value(ask('Are you eligible to work in Germany without a new work permit?', US_CITIZEN))).toBe(false);
  });

  it.each([
    'Are you legally authorized to work in the United States without sponsorship?',
    'Are you authorized to work in the US on a permanent basis without restriction?',
    'Are you legally authorized to work in the United States for any employer without the need for visa sponsorship now or in the future?',
    'Are you permanently authorized to work in the US?',
  ])('"%s" is scoped: authorized and needing no sponsorship', (label) => {
    expect(value(ask(label, US_CITIZEN))).toBe(true);
    // Authorized today but not without sponsorship: No, never the plain authorization's Yes.
    expect(value(ask(label, NEEDS_SPONSORSHIP))).toBe(false);
  });

  it('inverts a negated question instead of answering the plain one', () => {
    const label = 'Will you now or in the future NOT require sponsorship to work in the US?';
    expect(value(ask(label, US_CITIZEN))).toBe(true);
    expect(value(ask(label, NEEDS_SPONSORSHIP))).toBe(false);
    expect(value(ask('Are you able to work in the US without requiring sponsorship?', NEEDS_SPONSORSHIP))).toBe(false);
  });

  it('asks what it cannot read safely: regions, several countries, double negations', () => {
    for (const label of [
      'Are you eligible to work in the EU?',
      'Do you have the right to work in the UK or Ireland?',
      'Are you authorized to work in the US, or will you require sponsorship?',
      "Isn't it true that you won't require sponsorship?",
    ])
      expect(ask(label, US_CITIZEN).answer, label).toBe(null);
  });

  it('never answers citizenship, clearance or export control from the profile', () => {
    for (const label of [
      'Are you a U.S. citizen?',
      'Do you currently hold an active U.S. security clearance?',
      'Do you have an active TS/SCI clearance with polygraph?',
      'Are you a "U.S. person" as defined by the International Traffic in Arms Regulations (ITAR)?',
      'This position requires access to export-controlled information. Are you a U.S. citizen, lawful permanent resident, or protected individual?',
    ]) {
      const d = ask(label, US_CITIZEN);
      expect(d.answer, label).toBe(null);
      expect(d.sensitive, label).toBe(true);
    }
  });

  it('uses the answer the user saved for that very question', () => {
    const label = 'Do you currently hold an active U.S. security clearance?';
    const answers = { 'do you currently hold an active u s security clearance': false };
    expect(ask(label, US_CITIZEN, { answers }).answer).toMatchObject({ value: false, source: 'answer' });
    // …but not for another clearance question, however alike.
    expect(ask('Do you hold an active Top Secret clearance?', US_CITIZEN, { answers }).answer).toBe(null);
  });
});

describe('years of experience', () => {
  it('gives the total only to questions about the total', () => {
    for (const label of [
      'How many years of professional experience do you have?',
      'Total years of experience',
      'Years of professional experience',
    ])
      expect(value(ask(label, US_CITIZEN, { options: [] })), label).toBe(9);
  });

  it.each([
    'How many years of TypeScript experience do you have?',
    'How many years of experience do you have with React?',
    'How many years of work experience do you have with Python?',
    'How many years of professional software development experience do you have?',
    'Years of frontend experience',
    'How many years of relevant experience do you have?',
  ])('"%s" is a skill: a saved answer for it, or asked', (label) => {
    expect(ask(label, US_CITIZEN, { options: [] }).answer).toBe(null);
  });

  it('carries a saved answer to the same skill across phrasings, never to another skill', () => {
    const answers = { 'years of react experience': '4' };
    expect(
      value(ask('How many years of experience do you have with React?', US_CITIZEN, { options: [], answers })),
    ).toBe('4');
    expect(ask('How many years of experience do you have with Vue?', US_CITIZEN, { options: [], answers }).answer).toBe(
      null,
    );
  });

  it('answers "at least N years?" from the total', () => {
    expect(value(ask('Do you have at least 5 years of professional experience?', US_CITIZEN))).toBe(true);
    expect(value(ask('Do you have 10+ years of experience?', US_CITIZEN))).toBe(false);
  });
});

describe('canonical questions answered once, whatever the wording', () => {
  it.each([
    'How did you hear about this job?',
    'How did you hear about this opportunity?',
    'Where did you first learn about this opening?',
    'How did you find this job?',
    'Where did you hear about this role?',
  ])('"%s" → the default referral source', (label) => {
    expect(ask(label, US_CITIZEN, { options: [] }).answer).toMatchObject({
      value: 'LinkedIn',
      ref: 'profile.referralSource',
    });
  });

  it('a saved answer to one referral question answers the others', () => {
    const answers = { 'how did you hear about us': 'Company website' };
    expect(
      ask('Where did you first learn about this opening?', UNKNOWN, { options: [], answers }).answer,
    ).toMatchObject({ value: 'Company website', ref: 'answer:how did you hear about us' });
    expect(ask('Who referred you to this position?', UNKNOWN, { options: [], answers }).answer).toBe(null);
  });

  it('start date and notice period are different questions', () => {
    for (const label of [
      'Earliest possible start date',
      'What is your earliest available start date?',
      'When can you start?',
      'When would you be available to start?',
    ])
      expect(value(ask(label, US_CITIZEN, { options: [], type: 'date' })), label).toBe('2027-03-01');
    for (const label of [
      'What is your notice period?',
      'Notice period',
      'How much notice do you need to give your current employer?',
    ])
      expect(value(ask(label, US_CITIZEN, { options: [] })), label).toBe('2 weeks');
  });

  it('legal age: 18 or older answers 18 and younger thresholds, never 21', () => {
    expect(value(ask('Are you at least 18 years of age?', US_CITIZEN))).toBe(true);
    expect(value(ask('Are you 18 years of age or older?', US_CITIZEN))).toBe(true);
    expect(value(ask('Are you over the age of 18?', US_CITIZEN))).toBe(true);
    expect(value(ask('Are you of legal working age?', US_CITIZEN))).toBe(true);
    expect(value(ask('Are you under 18 years of age?', US_CITIZEN))).toBe(false);
    expect(ask('Are you at least 21 years old?', US_CITIZEN).answer).toBe(null);
  });

  it('previously employed is derived from the work history and this company; another company’s answer is never carried over', () => {
    const airbnb =
      'Are you currently or have you ever worked for Airbnb in any capacity? This could include, but is not limited to, a full-time employee, intern, apprentice, or contingent worker.';
    expect(value(ask(airbnb, US_CITIZEN, { job: { company: 'Airbnb', country: 'US' } }))).toBe(false);
    const globex = 'Have you previously been employed by Globex or any of its subsidiaries?';
    expect(value(ask(globex, US_CITIZEN, { job: { company: 'Globex', country: 'US' } }))).toBe(true);
    // No confirmed work history: asked. A saved answer about another company says nothing here.
    const answers = { 'have you previously been employed by initech': false };
    expect(ask(globex, UNKNOWN, { answers, job: { company: 'Globex', country: 'US' } }).answer).toBe(null);
    expect(ask('Have you ever worked with Kubernetes?', US_CITIZEN).answer).toBe(null);
  });

  it('relocation willingness, but not relocation help or "based in or willing to relocate"', () => {
    expect(value(ask('Are you willing to relocate?', US_CITIZEN))).toBe(false);
    expect(value(ask('Are you open to relocation?', US_CITIZEN))).toBe(false);
    expect(
      ask('Are you currently based in or willing to relocate to the Bay Area for this position?', US_CITIZEN).answer,
    ).toBe(null);
    expect(ask('Will you require relocation assistance?', US_CITIZEN).answer).toBe(null);
    expect(ask('How much time would you need to relocate?', US_CITIZEN, { options: [] }).answer).toBe(null);
  });

  it('current salary is never the expected salary', () => {
    expect(value(ask('What are your salary expectations?', US_CITIZEN, { options: [] }))).toBe(180000);
    expect(value(ask('Desired salary', US_CITIZEN, { options: [] }))).toBe(180000);
    expect(ask('What is your current base salary?', US_CITIZEN, { options: [] }).answer).toBe(null);
    const answers = { 'current compensation': '150000' };
    expect(value(ask('What is your current base salary?', US_CITIZEN, { options: [], answers }))).toBe('150000');
    expect(value(ask('Expected salary', UNKNOWN, { options: [], answers }))).toBe(null);
  });

  it('on-site and hybrid willingness come from a saved answer of the same kind', () => {
    const answers = { 'are you willing to work on site': true };
    expect(value(ask('Are you available to work on-site?', UNKNOWN, { answers }))).toBe(true);
    expect(ask('Are you comfortable with a hybrid work arrangement?', UNKNOWN, { answers }).answer).toBe(null);
  });

  it('pronouns and preferred name', () => {
    const answers = { 'preferred pronouns': 'she/her' };
    expect(value(ask('What are your pronouns?', UNKNOWN, { options: [], answers }))).toBe('she/her');
    expect(value(ask('Preferred First Name', US_CITIZEN, { options: [] }))).toBe('Grace');
  });
});

describe('similar wording, and what never matches by similarity', () => {
  it('reuses a saved answer to almost the same question', () => {
    const answers = { 'why are you interested in this role': 'The mission.' };
    expect(value(ask('Why are you interested in the role?', UNKNOWN, { options: [], answers }))).toBe('The mission.');
    expect(ask('Why do you want to work at Discord?', UNKNOWN, { options: [], answers }).answer).toBe(null);
  });

  it('never for sensitive questions, nor across a negation or another number', () => {
    const answers = {
      'are you currently subject to any non compete agreement': false,
      'do you have a drivers license': true,
      'can you work 40 hours a week': true,
    };
    expect(ask('Are you subject to a non-compete agreement?', UNKNOWN, { answers }).answer).toBe(null);
    expect(ask('Do you not have a drivers license?', UNKNOWN, { answers }).answer).toBe(null);
    expect(ask('Can you work 20 hours a week?', UNKNOWN, { answers }).answer).toBe(null);
  });
});

describe('consent and self-identification', () => {
  it('ticks a required privacy consent, never a legal attestation', () => {
    const box = (label: string): FieldFacts => ({
      label,
      hints: '',
      type: 'checkbox',
      widget: 'checkbox',
      required: true,
      options: [],
    });
    const input: StepInput = { profile: UNKNOWN, answers: {}, files: {}, submits: 0 };
    expect(decide(box('I have read and agree to the Candidate Privacy Policy'), input).answer?.value).toBe(true);
    expect(decide(box('I consent to a criminal background check'), input).answer).toBe(null);
  });

  it('declines self-identification the profile leaves open, where the form offers it', () => {
    const d = ask('Gender', UNKNOWN, { options: ['Male', 'Female', "I don't wish to answer"] });
    expect(d.answer).toMatchObject({ value: 'decline', source: 'default' });
    expect(d.sensitive).toBe(true);
  });
});

describe('phone device type: the profile phone is the applicant’s own mobile', () => {
  it('picks the personal mobile option, never a work line; a list without one, or no phone, is asked', () => {
    const types = (options: string[], profile = US_CITIZEN) =>
      value(ask('Phone Device Type', profile, { type: 'select', options }));
    expect(types(['Landline', 'Work Mobile', 'Mobile', 'Fax'])).toBe('Mobile');
    expect(types(['Home', 'Home Cellular', 'Work Cellular'])).toBe('Home Cellular');
    expect(types(['Home', 'Work'])).toBe(null);
    expect(types(['Landline', 'Mobile'], UNKNOWN)).toBe(null);
    expect(value(ask('Type of phone', US_CITIZEN, { options: [] }))).toBe('Mobile');
    // The number fields beside it are still the number and its extension.
    expect(value(ask('Mobile phone number', US_CITIZEN, { options: [] }))).toBe('+1 212 555 0199');
  });
});
