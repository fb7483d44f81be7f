// Which profile value a label asks for: synonyms and wording variants real forms use.

import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';
import { describe, expect, it } from 'vitest';
import { fieldKey } from '../../src/core/field-keys.ts';

describe('fieldKey', () => {
  it.each([
    ['First name', 'firstName'],
    ['Given name', 'firstName'],
    ['Legal first name', 'firstName'],
    ['Forename', 'firstName'],
    ['Preferred first name', 'preferredName'],
    ['Surname', 'lastName'],
    ['Family name', 'lastName'],
    ['Full name', 'fullName'],
    ['Name', 'fullName'],
    ['E-mail', 'email'],
    ['Email address', 'email'],
    ['Mobile number', 'phone'],
    ['Phone Device Type', 'phoneType'],
    ['LinkedIn URL', 'linkedin'],
    ['Portfolio / GitHub', 'github'],
    ['Website', 'website'],
    ['Other URL', 'otherUrl'],
    ['City of residence', 'city'],
    ['Location (City)', 'location'],
    ['Country', 'country'],
    ['Address', 'location'],
    ['Address Line 1', 'addressLine'],
    ['Message to the Hiring Team', 'coverLetter'],
    ['Country Phone Code', 'phoneCountryCode'],
    ['Zip / Postal code', 'postalCode'],
    ['Current company', 'currentCompany'],
    ['How many years of professional experience do you have?', 'totalYears'],
    ['What are your annual salary expectations?', 'expectedSalary'],
    ['Are you legally authorized to work in the United States?', 'workAuthorization'],
    [
      'Will you now or in the future require sponsorship for employment visa status (e.g. H-1B visa status)?',
      'sponsorship',
    ],
    ['Are you Hispanic/Latino?', 'hispanicLatino'],
    ['Race', 'race'],
    ['Veteran Status', 'veteran'],
    ['Disability Status', 'disability'],
    ['Motivation letter', 'coverLetter'],
    ['Why do you want to work at Acme?', null],
  ])('"%s" → %s', (label, key) => {
    expect(fieldKey(label, '', 'text')?.key ?? null).toBe(key);
  });

  it('reads the name attribute only when the label is silent', () => {
    expect(fieldKey('', 'job_application[first_name]', 'text')).toEqual({ key: 'firstName' });
    // Workday: the extension box sits in the phone section and its id says phoneNumber.
    expect(fieldKey('Phone Extension', 'phonenumber--extension phone-number-extension', 'text')).toBe(null);
    expect(fieldKey('Employee ID', 'candidate_email', 'text')).toBe(null);
  });

  it('reads the placeholder like a label (Lever: "Add a cover letter or anything else…")', () => {
    expect(
      fieldKey(
        'Additional information',
        'comments',
        'textarea',
        [],
        'Add a cover letter or anything else you want to share.',
      ),
    ).toEqual({ key: 'coverLetter' });
  });

  it('does not take a contact word inside a longer question for that field', () => {
    for (const label of [
      'Please list three professional references with their names, phone numbers and email addresses',
      'Emergency contact phone number',
      'Name of the employee who referred you',
      "Hiring manager's email",
    ])
      expect(fieldKey(label, '', 'text'), label).toBe(null);
    expect(fieldKey('What is the best email address to reach you?', '', 'text')).toEqual({ key: 'email' });
    expect(fieldKey('Please confirm your email address', '', 'text')).toEqual({ key: 'email' });
  });

  it('treats a file input as a resume or cover letter only', () => {
    expect(fieldKey('Upload your CV', 'resume', 'file')).toEqual({ key: 'resume' });
    expect(fieldKey('Attach', 'cover_letter', 'file')).toEqual({ key: 'coverLetter' });
    expect(fieldKey('Portfolio', 'portfolio', 'file')).toBe(null);
  });

  it('marks compensation, immigration and EEO questions as sensitive', () => {
    expect(isSensitiveQuestion('What salary range are you targeting?')).toBe(true);
    expect(isSensitiveQuestion('Do you hold a valid work visa?')).toBe(true);
    expect(isSensitiveQuestion('What is your gender identity?')).toBe(true);
    expect(isSensitiveQuestion('How did you hear about this job?')).toBe(false);
  });
});
