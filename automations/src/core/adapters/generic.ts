// The adapter for sites we know nothing about: a company's own careers page, or an ATS whose
// markers we do not recognise. Everything it does is the common heuristics.
import type { Control } from '../controls.ts';
import type { Adapter } from './adapter.ts';

export const START: Control = {
  selectors: [],
  text: /^(apply( now| today| here| online)?|apply (for|to) this (job|position|role|opening)( now| online)?|i'?m interested|apply manually|start (your |my )?application)$/i,
};
export const NEXT: Control = {
  selectors: [],
  text: /^(next|next step|continue|save (and|&) continue|proceed|next page)$/i,
};
export const SUBMIT: Control = {
  selectors: [],
  text: /^(submit( my| your)?( application| profile)?|send( my)?( application)?|apply|apply now|complete( my)? application|finish|submit and apply)$/i,
};

export const generic: Adapter = { ats: 'generic' };
