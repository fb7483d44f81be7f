// A GET for server-side code that fetches what users or postings point at (the job importer,
// any form scan): the host of every hop, redirects included, passes the address check, and the
// connection goes to exactly the address that was checked.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AddressCheck, ResolvedAddress } from './address-check.ts';

export interface CheckedResponse {
  url: string;
  status: number;
  body: string;
}

const MAX_REDIRECTS = 5;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** A lookup that answers only with the addresses the check already approved. */
function pinned(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  };
}

export async function checkedGet(
  check: AddressCheck,
  url: string,
  options: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<CheckedResponse> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const addresses = await check.checkUrl(current);
    const answer = await once(current, addresses, options);
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      current = new URL(answer.location, current).toString();
      continue;
    }
    return { url: current, status: answer.status, body: answer.body };
  }
  throw new Error(`${url} redirected more than ${MAX_REDIRECTS} times`);
}

function once(
  url: string,
  addresses: ResolvedAddress[],
  options: { headers?: Record<string, string>; signal?: AbortSignal },
): Promise<{ status: number; location: string | undefined; body: string }> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: options.headers,
        lookup: pinned(addresses),
        timeout: 30_000,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) req.destroy(new Error(`${url} answered more than ${MAX_BODY_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within 30 s`)));
    req.on('error', reject);
    req.end();
  });
}
