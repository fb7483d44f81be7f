// One job on the deck: what a seeker decides on at a glance, the full description on request.
import type { JobView, OwedQuestions } from '@jobswipe/protocol';
import { JOB_TYPE_LABELS, logoUrl, SENIORITY_LABELS } from '@jobswipe/protocol/job-catalog';
import { useId, useState } from 'react';
import { Icon } from '../ui/icon.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import type { SwipeGesture } from './use-swipe-gesture.ts';

/** A salary range for the card; a currency the browser does not know shows as its code, never throws. */
export function formatSalary(job: Pick<JobView, 'salaryMin' | 'salaryMax' | 'salaryCurrency'>): string | null {
  if (job.salaryMin === null && job.salaryMax === null) return null;
  const money = moneyFormat(job.salaryCurrency ?? 'USD');
  if (job.salaryMin !== null && job.salaryMax !== null && job.salaryMin !== job.salaryMax) {
    return `${money(job.salaryMin)} – ${money(job.salaryMax)}`;
  }
  return money((job.salaryMin ?? job.salaryMax) as number);
}

function moneyFormat(currency: string): (amount: number) => string {
  const compact = { notation: 'compact', maximumFractionDigits: 0 } as const;
  try {
    const format = new Intl.NumberFormat(undefined, { ...compact, style: 'currency', currency });
    return (amount) => format.format(amount);
  } catch {
    // Intl throws a RangeError for a code that is not a currency ("US$"): one bad posting must not blank the deck.
    const format = new Intl.NumberFormat(undefined, compact);
    return (amount) => `${format.format(amount)} ${currency}`;
  }
}

/** A company's initials for a card without a logo: "Acme Robotics" → "AR", "northwind" → "N". */
export function companyInitials(company: string): string {
  const words = company.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((w) => w.slice(0, 1).toUpperCase())
    .join('');
}

export function JobCard({
  job,
  gesture,
  behind = 0,
  reasons = [],
}: {
  /** A deck card carries what the user still owes its form; one cached before that may not. */
  job: JobView & { questions?: OwedQuestions };
  gesture?: SwipeGesture;
  behind?: number;
  /** Why it fits the user's profile (fit-reasons.ts). */
  reasons?: string[];
}) {
  const [expanded, setExpanded] = useState(false);
  const descriptionId = useId();
  const salary = formatSalary(job);
  const ready = readiness(job.questions);
  const lean = gesture?.lean;
  const [logoFailed, setLogoFailed] = useState(false);
  // Only a logo from where the boards keep them (the CSP allows no other image host either).
  const logo = logoFailed ? null : logoUrl(job.logoUrl);
  // A card cached before the catalog had these fields has none of them.
  const skills = job.skills ?? [];
  return (
    <article
      className={`card${gesture ? ' card-top' : ''}${expanded ? ' card-expanded' : ''}`}
      data-behind={behind}
      aria-hidden={gesture ? undefined : true}
      aria-labelledby={gesture ? `${descriptionId}-title` : undefined}
      ref={gesture?.ref}
      {...gesture?.handlers}
    >
      {lean && (
        <span className={`stamp stamp-${lean.direction}`} style={{ opacity: lean.strength }} aria-hidden="true">
          {lean.direction === 'right' ? 'APPLY' : 'PASS'}
        </span>
      )}
      <header className="card-head">
        {logo ? (
          <img
            className="company-mark company-logo"
            src={logo}
            alt=""
            width={52}
            height={52}
            loading="lazy"
            referrerPolicy="no-referrer"
            draggable={false}
            onError={() => setLogoFailed(true)}
          />
        ) : (
          <span className="company-mark" aria-hidden="true">
            {companyInitials(job.company)}
          </span>
        )}
        <div>
          <p className="card-company">{job.company}</p>
          <h2 className="card-title" id={`${descriptionId}-title`}>
            {job.title}
          </h2>
          <p className="card-posted">
            Posted <time dateTime={job.postedAt}>{timeAgo(job.postedAt)}</time>
          </p>
        </div>
      </header>
      <ul className="tags" aria-label="At a glance">
        <li className="tag">
          <Icon name="pin" size={16} /> {job.location}
        </li>
        {job.remote && !/remote/i.test(job.location) && (
          <li className="tag tag-accent">
            <Icon name="home" size={16} /> Remote
          </li>
        )}
        {salary && (
          <li className="tag tag-money">
            <Icon name="money" size={16} /> {salary}
          </li>
        )}
        {job.employmentType && <li className="tag">{JOB_TYPE_LABELS[job.employmentType]}</li>}
        {job.seniority && <li className="tag">{SENIORITY_LABELS[job.seniority]}</li>}
        {ready && (
          <li className={`tag tag-${ready.tone}`} data-testid="readiness" title={ready.detail}>
            {ready.text}
          </li>
        )}
      </ul>
      {/* Everything past the glance shares the room left, faded at its end, so "Full description"
          always shows however long the title, tags and points are (a 360 px phone). */}
      <div className={`description${expanded ? ' description-open' : ''}`} id={descriptionId}>
        {reasons.length > 0 && (
          <ul className="fit-reasons" aria-label="Why it fits you">
            {reasons.map((r) => (
              <li key={r}>✓ {r}</li>
            ))}
          </ul>
        )}
        {skills.length > 0 && (
          <ul className="skills" aria-label="Skills it asks for">
            {skills.slice(0, 8).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
        {job.keyPoints.length > 0 && (
          <ul className="key-points">
            {job.keyPoints.slice(0, 5).map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        )}
        <p className="description-text">{job.description}</p>
      </div>
      {gesture && (
        <button
          type="button"
          className="btn-link card-expand"
          aria-expanded={expanded}
          aria-controls={descriptionId}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? 'Show less' : 'Full description'}
        </button>
      )}
    </article>
  );
}

/** What the card promises about its form: ready, the answers it still needs, or not read yet. */
export function readiness(
  questions: OwedQuestions | undefined,
): { text: string; tone: 'ready' | 'owed' | 'unknown'; detail: string } | null {
  if (!questions) return null;
  if (!questions.checked) {
    return { text: 'Not checked yet', tone: 'unknown', detail: 'Its form has not been read yet: questions may come.' };
  }
  const n = questions.owed.length;
  if (n > 0) {
    return {
      text: `Needs ${n} answer${n === 1 ? '' : 's'}`,
      tone: 'owed',
      detail: questions.owed.map((q) => q.label).join(' · '),
    };
  }
  return {
    text: 'Ready to apply',
    tone: 'ready',
    detail: questions.complete
      ? 'Your profile answers every required question.'
      : 'Your profile answers every question seen so far; later steps may ask more.',
  };
}
