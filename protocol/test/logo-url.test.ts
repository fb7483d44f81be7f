// A logo address is kept only from where the boards keep their customers' logos.
import { describe, expect, it } from 'vitest';
import { logoUrl } from '../src/job-catalog.ts';

describe('logoUrl', () => {
  it("keeps a logo from Greenhouse's board-logo CDN, Lever's bucket or Ashby's organisation-theme logos", () => {
    for (const url of [
      'https://s4-recruiting.cdn.greenhouse.io/external_greenhouse_job_boards/logos/400/614/500/original/coactive-logo.png?1639152613',
      'https://recruiting.cdn.greenhouse.io/external_greenhouse_job_boards/logos/000/000/170/original/Logo.png?1448035888',
      'https://lever-client-logos.s3.us-west-2.amazonaws.com/6e5a1ca3-9e5e-46a6-8a1b-1d3922060ae8-1611089122452.png',
      'https://lever-client-logos.s3.amazonaws.com/2bd4cdf9-37f2-497f-9096-c2793296a75f-1568844229943.png',
      'https://app.ashbyhq.com/api/images/org-theme-logo/ce2d/a875/1e7d.png',
    ]) {
      expect(logoUrl(url)).toBe(url);
    }
  });

  it('refuses any other address: plain http, another host or port, credentials, an internal address, other artwork', () => {
    for (const url of [
      'http://lever-client-logos.s3.amazonaws.com/a.png',
      'https://lever-client-logos.s3.amazonaws.com.evil.example/a.png',
      'https://lever-client-logos.s3.amazonaws.com:8443/a.png',
      'https://user:pw@lever-client-logos.s3.amazonaws.com/a.png',
      'https://lever-client-logos.s3.amazonaws.com/',
      'https://cdn.greenhouse.io.evil.example/external_greenhouse_job_boards/logos/a.png',
      'https://evilcdn.greenhouse.io/external_greenhouse_job_boards/logos/a.png',
      'https://s4-recruiting.cdn.greenhouse.io/other/a.png',
      'https://app.ashbyhq.com/api/images/org-theme-social/a/b.png',
      'https://app.ashbyhq.com/api/images/org-theme-logo/../../../admin',
      'https://169.254.169.254/latest/meta-data/',
      'https://127.0.0.1/logo.png',
      'https://intranet.local/logo.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(logoUrl(url), String(url)).toBeNull();
    }
  });
});
