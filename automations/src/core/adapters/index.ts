// Every adapter, looked up by the ATS the page belongs to.
import { type AtsKind, detectAts } from '../../detect/ats.ts';
import type { Adapter } from './adapter.ts';
import { generic } from './generic.ts';
import { workday } from './workday.ts';

const ADAPTERS: Partial<Record<AtsKind, Adapter>> = { workday };

export function adapterFor(doc: Document): Adapter {
  return ADAPTERS[detectAts(doc)] ?? generic;
}

export type { Adapter };
