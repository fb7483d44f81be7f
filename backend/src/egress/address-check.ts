// The one check every outbound request a user or a posting can steer goes through (the server
// worker's browser, the job importer, any form scan): the host is resolved here, every address it
// resolves to must be a public unicast address, and the caller then connects to exactly those
// addresses, so a name cannot resolve to something else between the check and the connection.
// Loopback, private, link-local (cloud metadata), CGNAT, unique-local IPv6, IPv4 inside IPv6 and
// every other special range are refused, whatever form the address was written in (decimal,
// octal, hex). An allowlist lets the practice ATS through in the demo and tests.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (tests pass a hosts override of their own). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export class EgressRefused extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
    /** False when the name just does not resolve: nothing internal was asked for. */
    readonly internal = true,
  ) {
    super(`Refused to open ${target}: ${reason}. Only public internet addresses can be reached from our servers.`);
    this.name = 'EgressRefused';
  }
}

const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The special range an address is in ('unicast': an ordinary public address). */
export function addressRange(address: string): string {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d is that IPv4 address: judge it as one.
    if (v6.isIPv4MappedAddress()) return addressRange(v6.toIPv4Address().toString());
  }
  return parsed.range();
}

/** `127.0.0.1` for any way of writing an IP address (`2130706433`, `0177.0.0.1`, `0x7f.1`, `[::1]`); null for a name. */
export function ipLiteral(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (ipaddr.IPv6.isValid(bare)) return ipaddr.IPv6.parse(bare).toString();
  // ipaddr.js reads the forms inet_aton (and so getaddrinfo and browsers) accept, octal and hex included.
  if (ipaddr.IPv4.isValid(bare)) return ipaddr.IPv4.parse(bare).toString();
  return null;
}

/** How refusals name ipaddr.js's ranges. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  private: 'private-network',
  linkLocal: 'link-local (cloud metadata)',
  carrierGradeNat: 'carrier-grade NAT',
  uniqueLocal: 'unique-local IPv6',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved',
};

interface AllowEntry {
  host: string;
  port: number | null;
}

/** `host[:port]` entries, comma-separated: hosts (names or addresses) reachable although internal. */
export function parseAllowlist(text: string): AllowEntry[] {
  return text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
      if (!match) throw new Error(`"${entry}" is not host[:port]`);
      const host = match[1]!;
      return { host: ipLiteral(host) ?? host, port: match[2] ? Number(match[2]) : null };
    });
}

export class AddressCheck {
  private readonly allow: AllowEntry[];

  constructor(options: { allow?: string; resolve?: Resolve } = {}) {
    this.allow = parseAllowlist(options.allow ?? '');
    this.resolveName = options.resolve ?? systemResolve;
  }

  private readonly resolveName: Resolve;

  private allowed(host: string, port: number): boolean {
    return this.allow.some((e) => e.host === host && (e.port === null || e.port === port));
  }

  /**
   * The addresses `host:port` may be connected to: all it resolves to, each checked. Throws
   * EgressRefused when the host is internal (or resolves to anything internal) and not allowed.
   */
  async resolve(host: string, port: number): Promise<ResolvedAddress[]> {
    const name = host.toLowerCase().replace(/\.$/, '');
    const literal = ipLiteral(name);
    const target = `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`;
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolveName(name);
      } catch (err) {
        throw new EgressRefused(target, `its name does not resolve (${(err as Error).message})`, false);
      }
      if (addresses.length === 0) throw new EgressRefused(target, 'its name resolves to no address', false);
    }
    if (this.allowed(literal ?? name, port)) return addresses;
    for (const { address } of addresses) {
      const range = addressRange(address);
      // Every address must pass: a name answering both public and internal addresses is refused.
      if (range !== 'unicast' && !this.allowed(address, port)) {
        const what = RANGE_NAMES[range] ?? `${range} (special-purpose)`;
        throw new EgressRefused(target, `${literal ? 'it is' : `it resolves to ${address},`} a ${what} address`);
      }
    }
    return addresses;
  }

  /** Checks an http(s) URL's host; throws EgressRefused for any other scheme or an internal host. */
  async checkUrl(url: string): Promise<ResolvedAddress[]> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new EgressRefused(url, `${parsed.protocol} links are not opened`);
    }
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    return this.resolve(parsed.hostname, port);
  }
}
