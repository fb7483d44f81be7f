// The profile row as the API and the automation engine see it (ApplicantProfile), and a
// PUT /v1/profile body as the columns it changes.
import { Prisma, type Profile, type Resume } from '@jobswipe/db';
import { ApplicantProfile, type ProfileBody, type ProfileView, type ResumeView } from '@jobswipe/protocol';

/** The profile as an executor fills forms with it; JSON columns never saved get their defaults. */
export function toApplicantProfile(row: Profile): ApplicantProfile {
  return ApplicantProfile.parse({
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    links: row.links,
    location: row.location,
    workAuthorization: row.workAuthorization,
    salaryExpectation: row.salaryExpectation,
    noticePeriod: row.noticePeriod,
    currentCompany: row.currentCompany,
    currentTitle: row.currentTitle,
    yearsOfExperience: row.yearsOfExperience,
    earliestStartDate: row.earliestStartDate?.toISOString().slice(0, 10) ?? null,
    referralSource: row.referralSource,
    legalAge: row.legalAge,
    willingToRelocate: row.willingToRelocate,
    workHistory: row.workHistory,
    education: row.education,
    eeo: row.eeo,
    coverLetter: row.coverLetter,
  });
}

export function toResumeView(resume: Resume): ResumeView {
  return {
    id: resume.id,
    fileName: resume.fileName,
    mime: resume.mime,
    size: resume.size,
    checksum: resume.checksum,
    createdAt: resume.createdAt.toISOString(),
  };
}

export function toProfileView(row: Profile, resume: Resume | null): ProfileView {
  return {
    ...toApplicantProfile(row),
    onboardingStep: row.onboardingStep,
    resume: resume ? toResumeView(resume) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Profile columns by the same names as the ApplicantProfile fields. */
export type ProfileChanges = Omit<Prisma.ProfileUncheckedCreateInput, 'userId'>;

/** The columns a PUT changes: only the fields the client sent (the rest keep their values). */
export function profileChanges(body: ProfileBody, sent: object): ProfileChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (!Object.hasOwn(sent, field)) continue;
    // A JSON column stores SQL NULL for "no salary expectation", not the JSON value null.
    if (field === 'salaryExpectation' && value === null) changes[field] = Prisma.DbNull;
    // A date column: the calendar day, at midnight UTC.
    else if (field === 'earliestStartDate') changes[field] = value === null ? null : new Date(`${value}T00:00:00Z`);
    else changes[field] = value;
  }
  return changes as ProfileChanges;
}
