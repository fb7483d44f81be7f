import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, allows, nextStatuses, TERMINAL_STATUSES, TRANSITIONS } from '../src/status.ts';

describe('application lifecycle', () => {
  it('leaves terminal statuses only by no transition at all', () => {
    for (const status of TERMINAL_STATUSES) expect(nextStatuses(status), status).toEqual([]);
  });

  it('reaches a held status only through a claim', () => {
    const into = Object.entries(TRANSITIONS).filter(([, r]) => r.to.some((s) => s === 'CLAIMED'));
    expect(into.map(([name]) => name)).toEqual(['claim']);
    expect(allows('claim', 'QUEUED', 'CLAIMED')).toBe(true);
    expect(allows('claim', 'RETRY_SCHEDULED', 'CLAIMED')).toBe(false);
  });

  it('lets only the lease holder finish an attempt', () => {
    for (const name of ['start', 'submit', 'fail', 'release'] as const) expect(TRANSITIONS[name].fenced).toBe(true);
    expect(allows('submit', 'RUNNING', 'SUBMITTED')).toBe(true);
    expect(allows('submit', 'QUEUED', 'SUBMITTED')).toBe(false);
  });

  it('never cancels a held application with a plain cancel (abort fences the executor out)', () => {
    expect(allows('cancel', 'RUNNING', 'CANCELLED')).toBe(false);
    expect(allows('abort', 'RUNNING', 'CANCELLED')).toBe(true);
  });

  it('creates rows only in a starting status', () => {
    expect(allows('create', null, 'QUEUED')).toBe(true);
    expect(allows('create', null, 'CLAIMED')).toBe(false);
    expect(allows('claim', null, 'CLAIMED')).toBe(false);
  });

  it('lets a right-swipe wait for answers the form is known to need, then answering queues it', () => {
    expect(allows('create', null, 'NEEDS_ATTENTION')).toBe(true);
    expect(allows('requeue', 'NEEDS_ATTENTION', 'QUEUED')).toBe(true);
    expect(allows('claim', 'NEEDS_ATTENTION', 'CLAIMED')).toBe(false);
  });

  it('holds a right-swipe for its undo grace period, where no executor can take it and undo can', () => {
    expect(allows('create', null, 'GRACE')).toBe(true);
    expect(nextStatuses('GRACE').sort()).toEqual(['CANCELLED', 'QUEUED']);
    expect(allows('claim', 'GRACE', 'CLAIMED')).toBe(false);
  });

  it('can reach every status from creation', () => {
    const seen = new Set<string>(TRANSITIONS.create.to);
    const todo = [...seen];
    while (todo.length)
      for (const next of nextStatuses(todo.pop() as never)) if (!seen.has(next)) seen.add(next) && todo.push(next);
    expect([...seen].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });
});
