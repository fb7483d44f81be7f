// Workable: "Apply now" from the overview, one sectioned form, an in-page success message.
import type { Adapter } from './adapter.ts';

export const workable: Adapter = {
  ats: 'workable',
  start: { selectors: ['[data-ui="overview-apply-now"]'] },
  submit: { selectors: ['[data-ui="apply-button"]'] },
  markers: { successSelectors: ['[data-ui="application-success"]'], errorSelectors: ['[data-ui="form-errors"]'] },
};
