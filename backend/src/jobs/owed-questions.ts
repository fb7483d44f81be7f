// What a user still owes a job's form: its required questions that neither the profile nor a
// saved answer answers. Decided by the engine's own answer policy (`decide`), fed what a run is
// fed (the profile, saved answers, the default resume, the job's company and country), so the
// card's promise and the run agree.
import { decide, type FieldFacts } from '@jobswipe/automations/core/answer-policy';
import type { StepInput } from '@jobswipe/automations/core/types';
import type { JobForm, Queryable } from '@jobswipe/db';
import {
  type ApplicantProfile,
  type FieldType,
  type FormQuestion,
  JobQuestions,
  type OwedQuestions,
  type Question,
  type SavedAnswers,
} from '@jobswipe/protocol';
import type { SqlFunction } from '../db/sql-function.ts';
import { toApplicantProfile } from '../profile/profile-view.ts';
import { defaultResume } from '../profile/resumes.ts';

/** What a run would know of the applicant. */
export interface Applicant {
  profile: ApplicantProfile;
  answers: SavedAnswers;
  resume: { fileName: string; mime: string } | null;
}

export async function loadApplicant(db: Queryable, userId: string): Promise<Applicant> {
  const [profile, answers, resume] = await Promise.all([
    // Every user has a profile row from sign-up on.
    db.profile.findUniqueOrThrow({ where: { userId } }),
    db.savedAnswer.findMany({ where: { userId }, select: { questionKey: true, answer: true } }),
    defaultResume(db, userId),
  ]);
  return {
    profile: toApplicantProfile(profile),
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.answer])) as SavedAnswers,
    resume: resume ? { fileName: resume.fileName, mime: resume.mime } : null,
  };
}

/**
 * A digest of everything `loadApplicant` reads (the profile row, the saved answers, the default
 * resume): equal digests, equal applicant. A swipe decided on a copy of the applicant kept in
 * memory is checked against it in its own transaction, so any writer makes every copy stale.
 */
export const APPLICANT_DIGEST_SQL: SqlFunction = {
  name: 'applicant_digest',
  sql: `
create or replace function applicant_digest(p_user uuid) returns text language sql stable as $$
  select md5(jsonb_build_array(
    (select to_jsonb(p) from profiles p where p.user_id = p_user),
    (select jsonb_object_agg(a.question_key, a.answer) from saved_answers a where a.user_id = p_user),
    (select jsonb_build_array(r.file_name, r.mime) from resumes r where r.user_id = p_user and r.is_default
      order by r.created_at desc limit 1))::text)
$$;`,
};

/**
 * A digest of what the answer policy reads of a job (its form's questions, its company and
 * country); null when the form was never read.
 */
export const FORM_DIGEST_SQL: SqlFunction = {
  name: 'form_digest',
  sql: `
create or replace function form_digest(p_job uuid) returns text language sql stable as $$
  select md5(jsonb_build_array(j.company, j.country, f.questions)::text)
  from job_forms f join jobs j on j.id = f.job_id where f.job_id = p_job
$$;`,
};

/** How the engine would take a value for a control of this type. */
const WIDGETS: Record<FieldType, FieldFacts['widget']> = {
  text: 'text',
  email: 'text',
  tel: 'text',
  url: 'text',
  number: 'text',
  textarea: 'text',
  location: 'text',
  password: 'text',
  select: 'select',
  combobox: 'combobox',
  radio: 'radio',
  yes_no: 'radio',
  checkbox: 'checkbox',
  checkbox_group: 'checkbox_group',
  date: 'date',
  file: 'file',
};

/** A question as the engine's answer policy reads a field. */
export function fieldFacts(
  q: Pick<FormQuestion, 'label' | 'type' | 'required' | 'options'> & { hints?: string },
): FieldFacts {
  return {
    label: q.label,
    hints: q.hints ?? '',
    type: q.type,
    widget: WIDGETS[q.type],
    required: q.required,
    options: (q.options ?? []).map((label) => ({ label })),
  };
}

/** The form as stored, or null when it was never read (or no longer parses). */
export function storedForm(form: Pick<JobForm, 'source' | 'complete' | 'questions' | 'checkedAt'> | null) {
  if (!form) return null;
  const parsed = JobQuestions.safeParse({ ...form, checkedAt: form.checkedAt.toISOString() });
  return parsed.success ? parsed.data : null;
}

/** The required questions of `form` the applicant has no answer for, in the form's order. */
export function owedQuestions(
  form: JobQuestions | null,
  applicant: Applicant,
  job: { company: string; country: string | null },
): OwedQuestions {
  if (!form) return { checked: false };
  const input: StepInput = {
    profile: applicant.profile,
    answers: applicant.answers,
    // The policy only asks whether there is a resume; the bytes are fetched by the run.
    files: {
      resume: applicant.resume ? { name: applicant.resume.fileName, mime: applicant.resume.mime, base64: '' } : null,
    },
    coverLetterText: applicant.profile.coverLetter,
    submits: 0,
    job: { company: job.company, country: job.country },
  };
  const owed: Question[] = form.questions
    .filter((q) => q.required && !decide(fieldFacts(q), input).answer)
    .map((q) => ({
      key: q.key,
      label: q.label,
      type: q.type,
      ...(q.options?.length ? { options: q.options } : {}),
      required: true,
    }));
  return { checked: true, complete: form.complete, owed };
}
