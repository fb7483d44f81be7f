// SmartRecruiters' one-click application: inputs inside open shadow roots of spl-* web
// components (the core's deep walk reaches them), a footer submit, an in-page success message.
import type { Adapter } from './adapter.ts';

export const smartrecruiters: Adapter = {
  ats: 'smartrecruiters',
  start: { selectors: ['#st-apply'] },
  submit: { selectors: ['[data-test="footer-submit"]'] },
  markers: { successSelectors: ['[data-test="application-success"]'] },
};
