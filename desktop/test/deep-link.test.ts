// The pairing link the web offers, as the desktop app reads it: the code and the web's origin
// arrive intact; anything else is not a pairing link.
import { pairLinkUrl } from '@jobswipe/protocol/pair-link';
import { expect, it } from 'vitest';
import { pairLinkInArgs, parsePairLink } from '../src/main/deep-link.ts';

it('reads back the code and the server of the link the web makes', () => {
  expect(parsePairLink(pairLinkUrl('K7PX-Q2MD', 'https://jobswipe.example'))).toEqual({
    code: 'K7PX-Q2MD',
    server: 'https://jobswipe.example',
  });
  // Windows and Linux hand the link to the app among its arguments.
  expect(pairLinkInArgs(['/opt/JobSwipe/jobswipe', pairLinkUrl('ABCD-1234', 'http://127.0.0.1:3000')])).toEqual({
    code: 'ABCD-1234',
    server: 'http://127.0.0.1:3000',
  });
});

it('takes nothing else for a pairing link', () => {
  for (const text of [
    'https://jobswipe.example/pair?code=K7PX-Q2MD',
    'jobswipe://unpair?code=K7PX-Q2MD',
    'jobswipe://pair?code=%3Cscript%3E',
    'jobswipe://pair',
    'not a url',
  ]) {
    expect(parsePairLink(text), text).toBeNull();
  }
  // A server that is not a web address is dropped: the app's own is used.
  expect(parsePairLink('jobswipe://pair?code=K7PX-Q2MD&server=file:///etc/passwd')).toEqual({
    code: 'K7PX-Q2MD',
    server: null,
  });
});
