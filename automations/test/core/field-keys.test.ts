// Which profile value a label asks for: synonyms and wording variants real forms use.
import { describe, expect, it } from 'vitest';
import { fieldKey, isSensitiveQuestion } from '../../src/core/field-keys.ts';

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
    ['Phone Device Type', null],
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
    ['Country Phone Code', null],
    ['Zip / Postal code', 'postalCode'],
    ['Current company', 'currentCompany'],
    ['How many years of professional experience do you have?', 'yearsOfExperience'],
    ['What are your annual salary expectations?', 'salary'],
    ['Are you legally authorized to work in the United States?', 'workAuthorized'],
    [
      'Will you now or in the future require sponsorship for employment visa status (e.g. H-1B visa status)?',
      'requiresSponsorship',
    ],
    ['Are you Hispanic/Latino?', 'hispanicLatino'],
    ['Race', 'race'],
    ['Veteran Status', 'veteran'],
    ['Disability Status', 'disability'],
    ['Motivation letter', 'coverLetter'],
    ['Why do you want to work at Acme?', null],
  ])('"%s" → %s', (label, key) => {
    expect(fieldKey(label, '', 'text')).toBe(key);
  });

  it('reads the name attribute when the label says nothing useful', () => {
    expect(fieldKey('', 'job_application[first_name]', 'text')).toBe('firstName');
    expect(
      fieldKey(
        'Additional information',
        'comments additional-information add a cover letter or anything else',
        'textarea',
      ),
    ).toBe('coverLetter');
  });

  it('treats a file input as a resume or cover letter only', () => {
    expect(fieldKey('Upload your CV', 'resume', 'file')).toBe('resume');
    expect(fieldKey('Attach', 'cover_letter', 'file')).toBe('coverLetter');
    expect(fieldKey('Portfolio', 'portfolio', 'file')).toBe(null);
  });

  it('marks compensation, immigration and EEO questions as sensitive', () => {
    expect(isSensitiveQuestion('What salary range are you targeting?')).toBe(true);
    expect(isSensitiveQuestion('Do you hold a valid work visa?')).toBe(true);
    expect(isSensitiveQuestion('What is your gender identity?')).toBe(true);
    expect(isSensitiveQuestion('How did you hear about this job?')).toBe(false);
  });
});
