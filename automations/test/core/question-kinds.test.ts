// One saved answer, every phrasing of the same question, and only that question. The applicant
// saved three answers in their own words (the way the answer sheet and a user write them); real
// forms ask the same things in the phrasings below, written the way Greenhouse, Lever, Ashby,
// Workday, Workable and company careers pages word their custom questions. The near misses must
// stay unanswered: another company, another skill, the total instead of a skill, a question about
// something else beside an arrangement, and negated or scoped wordings (asked, never inverted).
import { ApplicantProfile, type SavedAnswers } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import { decide, type FieldFacts } from '../../src/core/answer-policy.ts';
import type { StepInput } from '../../src/core/types.ts';

/** Nothing in the profile answers these: only the saved answers can. */
const PROFILE = ApplicantProfile.parse({
  firstName: 'Maren',
  lastName: 'O',
  email: 'maren@example.org',
  yearsOfExperience: 8,
  currentTitle: 'Senior Software Engineer',
});
const SAVED: SavedAnswers = {
  'have you ever worked for this company before': false,
  'are you comfortable working on site or hybrid': true,
  'years of experience with typescript': '3',
  'what name do you go by': 'Ren',
};
const JOB = { company: 'Northwind Traders, Inc.', country: 'US' };

function answer(label: string, options: string[] = ['Yes', 'No']) {
  const field: FieldFacts = {
    label,
    hints: '',
    type: options.length ? 'yes_no' : 'text',
    widget: options.length ? 'radio' : 'text',
    required: true,
    options: options.map((o) => ({ label: o })),
  };
  const input: StepInput = { profile: PROFILE, answers: SAVED, files: {}, submits: 0, job: JOB };
  return decide(field, input).answer;
}

describe('previously employed by the posting’s company', () => {
  it.each([
    'Have you previously been employed by Northwind Traders or any of its subsidiaries?',
    'Have you previously worked for Northwind as an employee or contractor?',
    'Have you ever worked for Northwind Traders?',
    'Have you ever been employed by Northwind Traders, Inc.?',
    'Are you a current or former employee of Northwind or any of its affiliates?',
    'Are you a former Northwind employee?',
    'Have you worked at Northwind before?',
    'Have you ever been a Northwind Traders employee, intern or contractor?',
    'Have you previously worked for us?',
    'Have you ever worked for this organization?',
    'Have you worked for our company in the past?',
    'Were you previously employed by the company?',
    'Are you currently or have you ever worked for Northwind in any capacity? This could include, but is not limited to, a full-time employee, intern, or contingent worker.',
  ])('"%s" takes the saved "worked for this company before"', (label) => {
    expect(answer(label)).toMatchObject({ value: false, ref: 'answer:have you ever worked for this company before' });
  });

  it.each([
    // Another company: what the applicant said about "this company" says nothing of it.
    'Have you previously been employed by Contoso or any of its subsidiaries?',
    'Have you ever worked for Globex Corporation?',
    'Are you a former Initech employee?',
    // No employer at all, or another question about the employer.
    'Have you ever worked at a startup before?',
    'Have you worked in a similar role before?',
    'Have you previously applied to Northwind Traders?',
    'Do you know anyone who works at Northwind?',
    'Have you ever worked with Kubernetes?',
    // Negated: asked, never inverted.
    'Have you never worked for Northwind before?',
  ])('"%s" is not answered by it', (label) => {
    expect(answer(label)).toBe(null);
  });
});

describe('on-site or hybrid willingness', () => {
  it.each([
    'This role is hybrid: 3 days a week in our Seattle office. Does that work for you?',
    'This position is hybrid, with 2 days per week in the office. Is that OK with you?',
    'This is a hybrid role requiring 3 days per week in our New York office. Are you comfortable with this?',
    'Are you comfortable working in a hybrid environment?',
    'Are you open to a hybrid work arrangement?',
    'Are you willing to work on-site?',
    'Are you able to work onsite five days a week?',
    'Would you be comfortable working in the office?',
    'This role requires working on site in Austin. Would that work for you?',
    'Are you comfortable with a hybrid or in-office schedule?',
    'This role is hybrid: three days a week in our Denver office. Is that something you can commit to?',
    'We work hybrid, with Tuesdays and Thursdays in the office. Are you able to meet this requirement?',
    'This position is on-site at our Boston headquarters. Will this work for you?',
  ])('"%s" takes the saved "comfortable working on site or hybrid"', (label) => {
    expect(answer(label)).toMatchObject({
      value: true,
      ref: 'answer:are you comfortable working on site or hybrid',
    });
  });

  it.each([
    // Another arrangement than the saved answer covers.
    'Are you comfortable working fully remotely?',
    'Are you open to remote work?',
    // Something else asked beside an arrangement.
    'This is a hybrid role. Are you able to work Eastern Time hours?',
    'This role is on-site. What is your earliest start date?',
    'This role is hybrid. Do you have a valid driver’s license?',
    'This role is hybrid. Do you have experience with this stack?',
    // Negated: asked.
    'This role is not remote; it is hybrid, 3 days in the office. Does that work for you?',
    'Are you unable to work on site?',
  ])('"%s" is not answered by it', (label) => {
    const got = answer(label);
    expect(got?.ref ?? null).not.toBe('answer:are you comfortable working on site or hybrid');
  });
});

describe('years with one skill', () => {
  it.each([
    'How many years of TypeScript experience do you have?',
    'How many years of experience do you have with TypeScript?',
    'How many years of hands-on TypeScript experience do you have?',
    'How many years of commercial experience do you have with TypeScript?',
    'Years of experience using TypeScript',
    'How many years have you worked with TypeScript?',
    'How many years of professional experience with TS do you have?',
    'TypeScript - years of experience',
    'How many years of production TypeScript experience do you bring?',
  ])('"%s" takes the saved TypeScript years', (label) => {
    expect(answer(label, [])).toMatchObject({ value: '3', ref: 'answer:years of experience with typescript' });
  });

  it.each([
    'How many years of JavaScript experience do you have?',
    'How many years of experience do you have with TypeScript and React?',
    'How many years of Node.js experience do you have?',
    'How many years of relevant experience do you have?',
    'How many years of C++ experience do you have?',
  ])('"%s" is another skill: asked', (label) => {
    expect(answer(label, [])).toBe(null);
  });

  it.each(['How many years of professional experience do you have?', 'Total years of experience'])(
    '"%s" is the total, from the profile, never the TypeScript years',
    (label) => {
      expect(answer(label, [])).toMatchObject({ value: 8, ref: 'profile.yearsOfExperience' });
    },
  );

  it.each([
    'How many years of professional software engineering experience do you have?',
    'Years of software engineering experience',
    'How many years of engineering experience do you have?',
    // Development, engineering and programming of software are one trade (BambooHR asks it so).
    'How many years of experience do you have in software development?',
    'How many years of software development experience do you have?',
  ])('"%s" asks a software engineer for their career: the total', (label) => {
    expect(answer(label, [])).toMatchObject({ value: 8, source: 'profile' });
  });

  it.each([
    'How many years of people management experience do you have?',
    'How many years of hardware development experience do you have?',
    'How many years of data engineering experience do you have?',
  ])('"%s" is not the trade the title names: asked', (label) => {
    expect(answer(label, [])).toBe(null);
  });

  it('a program manager asked for engineering years is asked: their title names no engineering', () => {
    const field: FieldFacts = {
      label: 'How many years of engineering experience do you have?',
      hints: '',
      type: 'text',
      widget: 'text',
      required: true,
      options: [],
    };
    const profile = { ...PROFILE, currentTitle: 'Senior Program Manager' };
    expect(decide(field, { profile, answers: {}, files: {}, submits: 0, job: JOB }).answer).toBe(null);
  });
});

describe('the name the applicant goes by', () => {
  it.each([
    'Preferred First Name',
    'Preferred name',
    'What name do you go by?',
    'Nickname',
    'What would you like us to call you?',
    'Chosen name',
  ])('"%s" takes the saved "what name do you go by"', (label) => {
    expect(answer(label, [])).toMatchObject({ value: 'Ren', ref: 'answer:what name do you go by' });
  });

  it.each(['First Name', 'Legal first name', 'Full legal name'])(
    '"%s" is the legal name, never the nickname',
    (label) => {
      expect(answer(label, [])?.value).not.toBe('Ren');
    },
  );
});
