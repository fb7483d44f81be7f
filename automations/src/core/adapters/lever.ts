// Lever: the posting's "Apply for this job" leads to /apply, one form with the EEO survey and
// "Additional information", submitted by #btn-submit; the thanks page carries data-qa.
import type { Adapter } from './adapter.ts';

export const lever: Adapter = {
  ats: 'lever',
  submit: { selectors: ['[data-qa="btn-submit"]'] },
  markers: {
    successSelectors: ['[data-qa="thanks-page"]'],
    errorSelectors: ['[data-qa="form-error"]', '[data-qa="field-error"]'],
  },
};
