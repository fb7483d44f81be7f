// iCIMS: the career site frames everything in #icims_content_iframe; the posting's "Apply for
// this job online" leads to an email login ("Next"), then the candidate profile form whose
// button says "Submit Profile". The core reads the same-origin frame; the runner injects into a
// cross-origin one.
import type { Adapter } from './adapter.ts';

export const icims: Adapter = {
  ats: 'icims',
  start: { selectors: ['.iCIMS_ApplyOnlineButton'] },
  next: { selectors: ['#enterEmailSubmitButton'] },
  submit: { selectors: ['#cp_submit'] },
  markers: { successSelectors: ['#iCIMS_Confirmation'], errorSelectors: ['.iCIMS_Error', '.iCIMS_ErrorMessage'] },
};
