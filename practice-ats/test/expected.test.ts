// The answer key's check of a recorded submission: tolerant of ids vs labels and of formatting,
// strict about wrong answers, honeypots and altered files.
import { describe, expect, it } from 'vitest';
import { checkSubmission, expectedSubmission, formSpec } from '../src/index.ts';
import { answersFor, PROFILE } from './fixtures.ts';

describe('expectedSubmission', () => {
  it('turns profile values into the option ids the ATS submits, with their labels accepted too', () => {
    const spec = formSpec('greenhouse', '5123001');
    const expected = expectedSubmission(spec, PROFILE, {});
    const byLabel = (label: string) => expected.fields.find((f) => f.label === label);
    expect(byLabel('Gender')).toMatchObject({ value: '2', alsoAccepted: ['Female'] });
    expect(byLabel('Race')).toMatchObject({ alsoAccepted: ['Decline To Self Identify'] });
    expect(byLabel('How many years of professional experience do you have?')?.alsoAccepted).toEqual(['6-10 years']);
    expect(byLabel('Are you legally authorized to work in the United States?')).toMatchObject({ value: '1' });
    expect(byLabel(spec.fields.find((f) => f.label.includes('sponsorship'))!.label)).toMatchObject({ value: '0' });
    expect(byLabel('Location (City)')).toMatchObject({ value: 'San Francisco, California, United States' });
    expect(expected.files).toEqual([
      { field: 'resume', document: 'resume', required: true },
      { field: 'cover_letter', document: 'coverLetter', required: false },
    ]);
    expect(expected.uncovered.map((u) => u.label)).toEqual(['How did you hear about this job?']);
  });

  it('writes dates the way the field shows them and leaves unanswered questions uncovered', () => {
    const spec = formSpec('workday', 'R-10234');
    const start = spec.fields.find((f) => f.type === 'date' && f.asks.kind === 'profile')!;
    const expected = expectedSubmission(spec, PROFILE, {});
    expect(expected.fields.find((f) => f.field === start.name)?.value).toBe('01/15/2027');
    expect(expected.fields.find((f) => f.field === 'countryRegion')?.alsoAccepted).toEqual([
      'United States of America',
    ]);
    expect(expected.uncovered.map((u) => u.field)).toContain('source');
  });

  it('answers a question by what it means: a saved answer in other words, else the profile default', () => {
    const spec = formSpec('workday', 'R-10234');
    const noHistory = { ...PROFILE, workHistory: [] };
    const sheet = {
      'where did you first learn about this opening': 'LinkedIn',
      'have you ever worked for this company before': false,
    };
    const expected = expectedSubmission(spec, noHistory, sheet);
    const byField = (name: string) => expected.fields.find((f) => f.field === name);
    expect(byField('source')?.alsoAccepted).toEqual(['LinkedIn']);
    expect(byField('previousWorker')?.alsoAccepted).toEqual(['No']);
    // The profile keeps one phone and never says its kind: any option is right, none is asked.
    expect(expected.anything.map((a) => a.field)).toEqual(['phoneDeviceType']);
    expect(expected.uncovered.map((u) => u.field)).not.toEqual(
      expect.arrayContaining(['source', 'previousWorker', 'phoneDeviceType']),
    );
    const byDefault = expectedSubmission(spec, { ...noHistory, referralSource: 'Job board' }, {});
    expect(byDefault.fields.find((f) => f.field === 'source')?.alsoAccepted).toEqual(['Job board']);
  });

  it('leaves a question open when saved answers of its meaning disagree, or are about another employer', () => {
    const spec = formSpec('workday', 'R-10234');
    const expected = expectedSubmission(
      spec,
      { ...PROFILE, workHistory: [] },
      {
        'where did you hear about us': 'LinkedIn',
        'where did you learn of this role': 'Other',
        'have you ever worked for globex': false,
      },
    );
    expect(expected.uncovered.map((u) => u.field)).toEqual(expect.arrayContaining(['source', 'previousWorker']));
  });
});

describe('checkSubmission', () => {
  const spec = formSpec('careers', 'data-engineer');
  const answers = answersFor(spec);
  const good = () => {
    const fields: Record<string, string | string[]> = {};
    for (const e of expectedSubmission(spec, PROFILE, answers).fields) fields[e.field] = e.value;
    return { fields, files: [{ field: 'resume', sha256: 'abc' }] };
  };

  it('accepts formatting differences that mean the same', () => {
    const submission = good();
    submission.fields.phone = '(415) 555-0142';
    submission.fields.linkedin_url = 'linkedin.com/in/ada-lovelace/';
    submission.fields.email = 'ADA.LOVELACE@example.com';
    submission.fields.q_salary = '$180,000';
    expect(checkSubmission(spec, submission, PROFILE, answers, { resume: 'abc' })).toEqual([]);
  });

  it('reports a wrong answer, a filled honeypot and an altered file', () => {
    const submission = good();
    // The opposite of the right answer (Oslo: an applicant authorized in the US and UK needs a visa).
    submission.fields.q_sponsorship = submission.fields.q_sponsorship === 'Yes' ? 'No' : 'Yes';
    submission.fields.website_url = 'http://bot';
    const found = checkSubmission(spec, submission, PROFILE, answers, { resume: 'def' });
    expect(found.map((m) => m.field)).toEqual(['q_sponsorship', 'website_url', 'resume']);
  });

  it('lets a pasted text stand in for a file, and a file for its pasted text', () => {
    const gh = formSpec('greenhouse', '4012345');
    const ghAnswers = answersFor(gh);
    const fields: Record<string, string | string[]> = {};
    for (const e of expectedSubmission(gh, PROFILE, ghAnswers).fields) fields[e.field] = e.value;
    fields['job_application[resume_text]'] = 'Ada Lovelace, engineer';
    delete fields['job_application[cover_letter_text]'];
    const submission = { fields, files: [{ field: 'job_application[cover_letter]', sha256: 'cl' }] };
    expect(checkSubmission(gh, submission, PROFILE, ghAnswers, { resume: 'cv', coverLetter: 'cl' })).toEqual([]);
  });
});
