// Work history and education, read from the uploaded resume and confirmed here: forms (Workday's
// "My Experience" step and many others) ask them as facts, so nothing read is used until the user
// has checked it and saved this step.
import type { EducationEntry, ProfileView, WorkEntry } from '@jobswipe/protocol';
import { useEffect, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';

type Patch = Pick<ProfileView, 'workHistory' | 'education'>;

const orUndefined = (value: string) => (value.trim() ? value : undefined);

export function ExperienceStep({ draft, onChange }: { draft: ProfileView; onChange: (patch: Patch) => void }) {
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const [reading, setReading] = useState(false);
  const resumeId = draft.resume?.id;
  const empty = draft.workHistory.length === 0 && draft.education.length === 0;

  // Nothing confirmed yet: propose what the resume says, for the user to correct.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per resume, not on every edit
  useEffect(() => {
    if (!resumeId || !empty) return;
    setReading(true);
    api
      .resumeExperience(resumeId)
      .then((proposal) => onChange(proposal))
      .catch(setError)
      .finally(() => setReading(false));
  }, [api, resumeId]);

  const jobs = draft.workHistory;
  const schools = draft.education;
  const setJob = (i: number, patch: Partial<WorkEntry>) =>
    onChange({ workHistory: jobs.map((j, k) => (k === i ? { ...j, ...patch } : j)), education: schools });
  const setSchool = (i: number, patch: Partial<EducationEntry>) =>
    onChange({ workHistory: jobs, education: schools.map((s, k) => (k === i ? { ...s, ...patch } : s)) });

  return (
    <>
      <p className="muted">
        {reading
          ? 'Reading your resume…'
          : 'Read from your resume: check each entry, correct it, and save. Forms ask these as facts.'}
      </p>
      <ErrorNote error={error} />
      <h2>Work history</h2>
      {jobs.map((job, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place; the fields edit them in place
        <fieldset className="panel" key={i} aria-label={`Job ${i + 1}`}>
          <div className="grid-2">
            <Field label="Company" value={job.company} onChange={(e) => setJob(i, { company: e.target.value })} />
            <Field label="Title" value={job.title} onChange={(e) => setJob(i, { title: e.target.value })} />
          </div>
          <div className="grid-2">
            <Field
              label="From"
              type="month"
              value={job.start ?? ''}
              onChange={(e) => setJob(i, { start: orUndefined(e.target.value) })}
            />
            <Field
              label="To"
              type="month"
              value={job.end ?? ''}
              disabled={job.current}
              onChange={(e) => setJob(i, { end: orUndefined(e.target.value) })}
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={job.current}
              onChange={(e) => setJob(i, { current: e.target.checked, end: undefined })}
            />{' '}
            I work here now
          </label>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => onChange({ workHistory: jobs.filter((_, k) => k !== i), education: schools })}
          >
            Remove this job
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        onClick={() =>
          onChange({ workHistory: [...jobs, { company: '', title: '', current: false }], education: schools })
        }
      >
        Add a job
      </button>
      <h2>Education</h2>
      {schools.map((school, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place; the fields edit them in place
        <fieldset className="panel" key={i} aria-label={`School ${i + 1}`}>
          <Field label="School" value={school.school} onChange={(e) => setSchool(i, { school: e.target.value })} />
          <div className="grid-3">
            <Field
              label="Degree"
              value={school.degree ?? ''}
              onChange={(e) => setSchool(i, { degree: orUndefined(e.target.value) })}
            />
            <Field
              label="Field of study"
              value={school.field ?? ''}
              onChange={(e) => setSchool(i, { field: orUndefined(e.target.value) })}
            />
            <Field
              label="Finished"
              type="month"
              value={school.end ?? ''}
              onChange={(e) => setSchool(i, { end: orUndefined(e.target.value) })}
            />
          </div>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => onChange({ workHistory: jobs, education: schools.filter((_, k) => k !== i) })}
          >
            Remove this school
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn"
        onClick={() => onChange({ workHistory: jobs, education: [...schools, { school: '' }] })}
      >
        Add a school
      </button>
    </>
  );
}
