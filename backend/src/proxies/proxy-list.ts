// The server worker's proxies, from PROXY_URLS (comma-separated) and PROXY_FILE (one per line,
// `#` comments). Each gets a stable id (a hash of its URL, the same in every worker: the key of its
// shared health) and a label without credentials (logs, metrics). Credentials never leave
// `settings`; a bad entry stops start-up saying where it is, with the password masked.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ProxySettings } from '@jobswipe/automations/runner/browser';
import type { Config } from '../config.ts';

export interface ProxyEndpoint {
  id: string;
  label: string;
  settings: ProxySettings;
}

interface Entry {
  text: string;
  where: string;
}

const PROTOCOLS = ['http:', 'https:', 'socks5:'];

function masked(text: string): string {
  return text.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function parseEntry({ text, where }: Entry): ProxyEndpoint {
  const problem = (what: string) =>
    new Error(
      `${where} ("${masked(text)}"): ${what}. Write proxies as URLs, e.g. http://user:pass@proxy.example.com:8080.`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw problem('not a URL');
  }
  if (!PROTOCOLS.includes(url.protocol)) throw problem(`use http://, https:// or socks5://, not ${url.protocol}//`);
  if (url.protocol === 'socks5:' && url.username) throw problem('Chromium cannot sign in to a SOCKS5 proxy');
  const server = `${url.protocol}//${url.host}`;
  return {
    id: createHash('sha256').update(url.href).digest('hex').slice(0, 16),
    label: server,
    settings: {
      server,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
  };
}

/** Parses the entries; the same URL twice counts once, and labels that would clash get `#2`, `#3`… */
export function parseProxies(entries: Entry[]): ProxyEndpoint[] {
  const endpoints: ProxyEndpoint[] = [];
  for (const entry of entries) {
    const endpoint = parseEntry(entry);
    if (endpoints.some((e) => e.id === endpoint.id)) continue;
    const same = endpoints.filter((e) => e.settings.server === endpoint.settings.server).length;
    endpoints.push(same ? { ...endpoint, label: `${endpoint.label}#${same + 1}` } : endpoint);
  }
  return endpoints;
}

export async function loadProxies(
  config: Partial<Pick<Config, 'PROXY_URLS' | 'PROXY_FILE'>>,
): Promise<ProxyEndpoint[]> {
  const entries: Entry[] = (config.PROXY_URLS ?? '')
    .split(',')
    .map((text, i) => ({ text: text.trim(), where: `PROXY_URLS item ${i + 1}` }))
    .filter((e) => e.text);
  if (config.PROXY_FILE) {
    let text: string;
    try {
      text = await readFile(config.PROXY_FILE, 'utf8');
    } catch (err) {
      throw new Error(`PROXY_FILE ${config.PROXY_FILE} cannot be read (${(err as Error).message}).`);
    }
    text.split('\n').forEach((line, i) => {
      const content = line.replace(/(^|\s)#.*/, '').trim();
      if (content) entries.push({ text: content, where: `PROXY_FILE ${config.PROXY_FILE} line ${i + 1}` });
    });
  }
  return parseProxies(entries);
}
