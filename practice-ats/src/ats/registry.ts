// Every practice ATS module, by kind.
import type { AtsKind } from '../spec/form-spec.ts';
import { ashby } from './ashby/index.ts';
import { careers } from './careers/index.ts';
import { greenhouse } from './greenhouse/index.ts';
import { icims } from './icims/index.ts';
import { lever } from './lever/index.ts';
import type { AtsModule } from './module.ts';
import { smartRecruiters } from './smartrecruiters/index.ts';
import { workable } from './workable/index.ts';
import { workday } from './workday/index.ts';

export const ATS_MODULES: readonly AtsModule[] = [
  greenhouse,
  lever,
  ashby,
  workday,
  smartRecruiters,
  icims,
  workable,
  careers,
];

export function atsModule(kind: AtsKind): AtsModule {
  const found = ATS_MODULES.find((m) => m.kind === kind);
  if (!found) throw new Error(`No practice ATS module for "${kind}".`);
  return found;
}

export function hasAtsModule(kind: AtsKind): boolean {
  return ATS_MODULES.some((m) => m.kind === kind);
}
