// Every adapter, looked up by the ATS the page belongs to. Ashby needs none: its React form is
// all heuristics can ask for.
import { type AtsKind, detectAts } from '../../detect/ats.ts';
import type { Adapter } from './adapter.ts';
import { generic } from './generic.ts';
import { greenhouse } from './greenhouse.ts';
import { icims } from './icims.ts';
import { lever } from './lever.ts';
import { smartrecruiters } from './smartrecruiters.ts';
import { workable } from './workable.ts';
import { workday } from './workday.ts';

const ADAPTERS: Partial<Record<AtsKind, Adapter>> = { greenhouse, icims, lever, smartrecruiters, workable, workday };

export function adapterFor(doc: Document): Adapter {
  return ADAPTERS[detectAts(doc)] ?? generic;
}

export type { Adapter };
