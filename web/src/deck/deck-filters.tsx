// The deck's filters: what, where, remote only, and a salary floor. Applied on submit, so typing
// does not reload the deck at every key.
import { type FormEvent, useState } from 'react';
import type { DeckFilters as Filters } from '../api/client.ts';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';

export function DeckFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(value.q ?? '');
  const [location, setLocation] = useState(value.location ?? '');
  const [remote, setRemote] = useState(value.remote ?? false);
  const [salary, setSalary] = useState(value.salaryMin ? String(value.salaryMin) : '');
  const active = [value.q, value.location, value.remote, value.salaryMin].filter(Boolean).length;

  function apply(e: FormEvent) {
    e.preventDefault();
    const floor = Number.parseInt(salary.replace(/[^\d]/g, ''), 10);
    onChange({
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(location.trim() ? { location: location.trim() } : {}),
      ...(remote ? { remote: true } : {}),
      ...(Number.isFinite(floor) && floor > 0 ? { salaryMin: floor } : {}),
    });
    setOpen(false);
  }

  function clear() {
    setQ('');
    setLocation('');
    setRemote(false);
    setSalary('');
    onChange({});
    setOpen(false);
  }

  return (
    <section className="filters" aria-label="Filters">
      <button
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        aria-controls="deck-filters"
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="filter" /> Filters{active ? ` (${active})` : ''}
      </button>
      {open && (
        <form id="deck-filters" className="filters-form" onSubmit={apply}>
          <Field
            label="Job title or keyword"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="e.g. frontend"
          />
          <Field
            label="Location"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            placeholder="e.g. Berlin"
          />
          <Field
            label="Minimum salary (yearly)"
            inputMode="numeric"
            value={salary}
            onChange={(e) => setSalary(e.target.value)}
            placeholder="e.g. 90000"
          />
          <label className="check">
            <input type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} /> Remote only
          </label>
          <div className="row">
            <button type="submit" className="btn btn-primary">
              Show jobs
            </button>
            <button type="button" className="btn btn-ghost" onClick={clear}>
              Clear
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
