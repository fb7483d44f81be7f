// Onboarding: the profile and the questions applications usually ask, one step at a time. Each
// step is saved when the user moves on (with `onboardingStep`), so leaving halfway keeps it all.
import type { ProfileBody, ProfileView } from '@jobswipe/protocol';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { navigate } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';
import { fieldErrors } from '../ui/user-message.ts';
import { YesNoAsk } from '../ui/yes-no-ask.tsx';
import { ExperienceStep } from './experience-step.tsx';
import { ResumeUpload } from './resume-upload.tsx';
import { ONBOARDING_STEPS } from './steps.ts';

const DECLINE = 'decline';
const RESUME_STEP = ONBOARDING_STEPS.indexOf('Resume');
const EXPERIENCE_STEP = ONBOARDING_STEPS.indexOf('Experience');
const EEO_OPTIONS: Record<
  'gender' | 'race' | 'hispanicLatino' | 'veteran' | 'disability',
  { label: string; options: string[] }
> = {
  gender: { label: 'Gender', options: ['Woman', 'Man', 'Non-binary'] },
  race: {
    label: 'Race',
    options: [
      'American Indian or Alaska Native',
      'Asian',
      'Black or African American',
      'Native Hawaiian or Other Pacific Islander',
      'White',
      'Two or more races',
    ],
  },
  hispanicLatino: { label: 'Hispanic or Latino', options: ['Yes', 'No'] },
  veteran: { label: 'Veteran status', options: ['I am a protected veteran', 'I am not a protected veteran'] },
  disability: { label: 'Disability', options: ['Yes, I have a disability', 'No, I do not have a disability'] },
};

type Draft = ProfileView;

export function OnboardingPage() {
  const { api } = useServices();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [step, setStep] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api
      .profile()
      .then((p) => {
        setDraft(p);
        setStep(Math.min(p.onboardingStep, ONBOARDING_STEPS.length - 1));
      })
      .catch(setError);
  }, [api]);

  if (!draft) {
    return (
      <main className="page" id="main" aria-busy={!error}>
        <h1>Your profile</h1>
        <ErrorNote error={error} onRetry={() => window.location.reload()} />
      </main>
    );
  }

  const fields = fieldErrors(error);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const text = (value: string | null | undefined) => value ?? '';
  const orNull = (value: string) => (value.trim() ? value : null);

  function stepBody(): ProfileBody {
    const d = draft as Draft;
    switch (step) {
      case 0:
        return {
          firstName: d.firstName,
          lastName: d.lastName,
          email: d.email,
          phone: d.phone,
          location: d.location,
          currentTitle: d.currentTitle,
          currentCompany: d.currentCompany,
          yearsOfExperience: d.yearsOfExperience,
        };
      case 1:
        return { links: d.links };
      case 2:
        return { workAuthorization: d.workAuthorization };
      case 3:
        return {
          salaryExpectation: d.salaryExpectation,
          noticePeriod: d.noticePeriod,
          earliestStartDate: d.earliestStartDate,
          referralSource: d.referralSource,
          legalAge: d.legalAge,
          willingToRelocate: d.willingToRelocate,
        };
      case 4:
        return { eeo: d.eeo };
      case EXPERIENCE_STEP:
        return { workHistory: d.workHistory, education: d.education };
      default:
        return {};
    }
  }

  async function save(next: number) {
    setSaving(true);
    setError(null);
    try {
      const onboardingStep = Math.max(draft?.onboardingStep ?? 0, next);
      const saved = await api.saveProfile({ ...stepBody(), onboardingStep });
      setDraft(saved);
      if (next >= ONBOARDING_STEPS.length) navigate('/');
      else setStep(next);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(step + 1);
  }

  let body: ReactNode;
  switch (step) {
    case 0:
      body = (
        <>
          <div className="grid-2">
            <Field
              label="First name"
              autoComplete="given-name"
              required
              value={draft.firstName}
              onChange={(e) => set({ firstName: e.target.value })}
              error={fields.firstName}
            />
            <Field
              label="Last name"
              autoComplete="family-name"
              required
              value={draft.lastName}
              onChange={(e) => set({ lastName: e.target.value })}
              error={fields.lastName}
            />
          </div>
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={draft.email}
            onChange={(e) => set({ email: e.target.value })}
            error={fields.email}
          />
          <Field
            label="Phone"
            type="tel"
            autoComplete="tel"
            value={draft.phone}
            onChange={(e) => set({ phone: e.target.value })}
            error={fields.phone}
          />
          <div className="grid-2">
            <Field
              label="City"
              autoComplete="address-level2"
              value={text(draft.location.city)}
              onChange={(e) => set({ location: { ...draft.location, city: e.target.value } })}
            />
            <Field
              label="Country"
              autoComplete="country-name"
              value={text(draft.location.country)}
              onChange={(e) => set({ location: { ...draft.location, country: e.target.value } })}
            />
          </div>
          <div className="grid-2">
            <Field
              label="Current title"
              value={text(draft.currentTitle)}
              onChange={(e) => set({ currentTitle: orNull(e.target.value) })}
            />
            <Field
              label="Current company"
              value={text(draft.currentCompany)}
              onChange={(e) => set({ currentCompany: orNull(e.target.value) })}
            />
          </div>
          <Field
            label="Years of experience"
            type="number"
            min={0}
            max={80}
            value={draft.yearsOfExperience ?? ''}
            onChange={(e) => set({ yearsOfExperience: e.target.value === '' ? null : Number(e.target.value) })}
            error={fields.yearsOfExperience}
          />
        </>
      );
      break;
    case 1:
      body = (['linkedin', 'github', 'portfolio', 'website'] as const).map((key) => (
        <Field
          key={key}
          label={{ linkedin: 'LinkedIn', github: 'GitHub', portfolio: 'Portfolio', website: 'Website' }[key]}
          type="url"
          placeholder="https://"
          value={text(draft.links[key])}
          onChange={(e) => set({ links: { ...draft.links, [key]: e.target.value || undefined } })}
          error={fields[`links.${key}`]}
        />
      ));
      break;
    case 2:
      body = (
        <>
          <Field
            label="Countries where you may work without a new visa"
            hint="Separate with commas, e.g. United States, Canada"
            value={draft.workAuthorization.authorizedCountries.join(', ')}
            onChange={(e) =>
              set({
                workAuthorization: {
                  ...draft.workAuthorization,
                  authorizedCountries: e.target.value
                    .split(',')
                    .map((c) => c.trimStart())
                    .filter((c, i, all) => c || i === all.length - 1),
                },
              })
            }
          />
          <YesNoAsk
            legend="Will you now or in the future need visa sponsorship?"
            name="sponsorship"
            value={draft.workAuthorization.requiresSponsorship}
            onChange={(value) => set({ workAuthorization: { ...draft.workAuthorization, requiresSponsorship: value } })}
          />
        </>
      );
      break;
    case 3: {
      const salary = draft.salaryExpectation;
      body = (
        <>
          <div className="grid-3">
            <Field
              label="Expected salary"
              inputMode="numeric"
              value={salary ? String(salary.amount) : ''}
              onChange={(e) => {
                const amount = Number.parseInt(e.target.value.replace(/[^\d]/g, ''), 10);
                set({
                  salaryExpectation: Number.isFinite(amount)
                    ? { amount, currency: salary?.currency ?? 'USD', period: salary?.period ?? 'year' }
                    : null,
                });
              }}
              error={fields['salaryExpectation.amount']}
            />
            <Field
              label="Currency"
              maxLength={3}
              value={salary?.currency ?? 'USD'}
              disabled={!salary}
              onChange={(e) =>
                salary && set({ salaryExpectation: { ...salary, currency: e.target.value.toUpperCase() } })
              }
              error={fields['salaryExpectation.currency']}
            />
            <Field
              label="Per"
              control={(wiring) => (
                <select
                  {...wiring}
                  value={salary?.period ?? 'year'}
                  disabled={!salary}
                  onChange={(e) =>
                    salary &&
                    set({ salaryExpectation: { ...salary, period: e.target.value as 'year' | 'month' | 'hour' } })
                  }
                >
                  <option value="year">year</option>
                  <option value="month">month</option>
                  <option value="hour">hour</option>
                </select>
              )}
            />
          </div>
          <Field
            label="Notice period"
            placeholder="e.g. 4 weeks"
            value={text(draft.noticePeriod)}
            onChange={(e) => set({ noticePeriod: orNull(e.target.value) })}
          />
          <Field
            label="Earliest start date"
            type="date"
            value={text(draft.earliestStartDate)}
            onChange={(e) => set({ earliestStartDate: orNull(e.target.value) })}
            error={fields.earliestStartDate}
          />
          <Field
            label="Where you usually hear about jobs"
            hint='Answers "How did you hear about us?" when you have not said otherwise'
            placeholder="e.g. LinkedIn"
            value={text(draft.referralSource)}
            onChange={(e) => set({ referralSource: orNull(e.target.value) })}
          />
          <YesNoAsk
            legend="Are you 18 or older?"
            name="legal-age"
            value={draft.legalAge}
            onChange={(value) => set({ legalAge: value })}
          />
          <YesNoAsk
            legend="Are you willing to relocate?"
            name="relocate"
            value={draft.willingToRelocate}
            onChange={(value) => set({ willingToRelocate: value })}
          />
        </>
      );
      break;
    }
    case 4:
      body = (
        <>
          <p className="muted">
            Employers in some countries ask these for equal-opportunity reporting. Answering is voluntary, and “Decline
            to answer” is always fine. We only ever send what you choose here.
          </p>
          {(Object.keys(EEO_OPTIONS) as (keyof typeof EEO_OPTIONS)[]).map((key) => (
            <Field
              key={key}
              label={EEO_OPTIONS[key].label}
              control={(wiring) => (
                <select
                  {...wiring}
                  value={draft.eeo[key] ?? ''}
                  onChange={(e) => set({ eeo: { ...draft.eeo, [key]: e.target.value || undefined } })}
                >
                  <option value="">Ask me each time</option>
                  {EEO_OPTIONS[key].options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                  <option value={DECLINE}>Decline to answer</option>
                </select>
              )}
            />
          ))}
        </>
      );
      break;
    case RESUME_STEP:
      body = <ResumeUpload current={draft.resume} onUploaded={(resume) => set({ resume })} />;
      break;
    default:
      body = <ExperienceStep draft={draft} onChange={set} />;
  }

  const last = step === ONBOARDING_STEPS.length - 1;
  return (
    <main className="page page-narrow" id="main">
      <p className="muted step-count">
        Step {step + 1} of {ONBOARDING_STEPS.length}
      </p>
      <ol className="steps" aria-label="Onboarding progress">
        {ONBOARDING_STEPS.map((name, i) => (
          <li
            key={name}
            className={i < step ? 'done' : i === step ? 'current' : ''}
            aria-current={i === step ? 'step' : undefined}
          >
            <span className="visually-hidden">{i < step ? 'Done: ' : ''}</span>
            {name}
          </li>
        ))}
      </ol>
      <h1>{ONBOARDING_STEPS[step]}</h1>
      <form onSubmit={submit} className="stack-form">
        {body}
        {/* The server's message names the field, for the ones not marked on this step too. */}
        <ErrorNote error={error} />
        <div className="row row-between">
          <button
            type="button"
            className="btn btn-ghost"
            disabled={step === 0 || saving}
            onClick={() => setStep(step - 1)}
          >
            Back
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving || (step >= RESUME_STEP && !draft.resume)}>
            {saving ? 'Saving…' : last ? 'Finish' : 'Save and continue'}
          </button>
        </div>
        {step >= RESUME_STEP && !draft.resume && (
          <p className="hint">Upload a resume to go on; applications send it.</p>
        )}
      </form>
    </main>
  );
}
