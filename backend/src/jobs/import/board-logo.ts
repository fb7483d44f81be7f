// The company's logo, which none of the board APIs publishes (Greenhouse's Job Board API, Lever's
// Postings API and Ashby's Posting API have no logo field): the board's own posting pages show it
// (og:image, the header image, Ashby's page data) from where the board keeps its customers' logos
// (protocol's LOGO_SOURCES). One page per board and import, fetched past the address check like
// the API itself.
import { logoUrl } from '@jobswipe/protocol/job-catalog';
import type { AddressCheck } from '../../egress/address-check.ts';
import { checkedGet } from '../../egress/checked-get.ts';
import { decodeEntities } from './imported-job.ts';

/** The first address on the page at `pageUrl` that lies under LOGO_SOURCES, else null. */
export async function boardLogo(check: AddressCheck, pageUrl: string | undefined): Promise<string | null> {
  if (!pageUrl) return null;
  // A page that cannot be read leaves the card with the company's initial: the postings still import.
  const page = await checkedGet(check, pageUrl, { headers: { accept: 'text/html' } }).catch(() => null);
  if (page?.status !== 200) return null;
  for (const [address] of page.body.matchAll(/https:\/\/[^\s"'<>\\]+/g)) {
    const url = logoUrl(decodeEntities(address));
    if (url) return url;
  }
  return null;
}
