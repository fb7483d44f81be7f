// The US EEO self-identification vocabulary (EEOC and OFCCP wording) that Greenhouse, Lever,
// Workday and others show in their voluntary disclosure sections.

export const GENDER = ['Male', 'Female', 'Decline To Self Identify'] as const;

export const HISPANIC_LATINO = ['Yes', 'No', 'Decline To Self Identify'] as const;

export const RACE = [
  'American Indian or Alaskan Native',
  'Asian',
  'Black or African American',
  'Hispanic or Latino',
  'White',
  'Native Hawaiian or Other Pacific Islander',
  'Two or More Races',
  'Decline To Self Identify',
] as const;

export const VETERAN = [
  'I am not a protected veteran',
  'I identify as one or more of the classifications of protected veteran',
  "I don't wish to answer",
] as const;

export const DISABILITY = [
  'Yes, I have a disability (or previously had a disability)',
  'No, I do not have a disability and have not had one in the past',
  'I do not want to answer',
] as const;

export const EEO_INTRO =
  'We are an equal opportunity employer. Completion of this section is voluntary and will not ' +
  'affect your opportunity for employment. The information is kept separate from your application.';
