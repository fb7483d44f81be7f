import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProxies } from '../../src/proxies/proxy-list.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobswipe-proxies-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the proxy list', () => {
  it('is empty without configuration: the worker applies directly', async () => {
    expect(await loadProxies({})).toEqual([]);
  });

  it('reads PROXY_URLS and PROXY_FILE, keeping credentials out of labels and ids stable', async () => {
    const file = join(dir, 'proxies.txt');
    await writeFile(
      file,
      ['# residential pool', 'http://alice:s3cr%40t@gate.example.net:7000', '', 'socks5://10.0.0.9:1080  # spare'].join(
        '\n',
      ),
    );
    const proxies = await loadProxies({
      PROXY_URLS: 'http://127.0.0.1:8001, https://proxy.example.com:443',
      PROXY_FILE: file,
    });
    expect(proxies.map((p) => p.label)).toEqual([
      'http://127.0.0.1:8001',
      'https://proxy.example.com',
      'http://gate.example.net:7000',
      'socks5://10.0.0.9:1080',
    ]);
    expect(proxies[2]!.settings).toEqual({
      server: 'http://gate.example.net:7000',
      username: 'alice',
      password: 's3cr@t',
    });
    expect(JSON.stringify(proxies.map((p) => [p.id, p.label]))).not.toContain('s3cr');
    const again = await loadProxies({ PROXY_URLS: 'http://127.0.0.1:8001' });
    expect(again[0]!.id).toBe(proxies[0]!.id);
  });

  it('counts the same URL once and tells apart sessions on one gateway', async () => {
    const proxies = await loadProxies({
      PROXY_URLS:
        'http://u-1:p@gate.example.net:7000,http://u-2:p@gate.example.net:7000,http://u-1:p@gate.example.net:7000',
    });
    expect(proxies.map((p) => p.label)).toEqual(['http://gate.example.net:7000', 'http://gate.example.net:7000#2']);
    expect(new Set(proxies.map((p) => p.id)).size).toBe(2);
  });

  it('refuses a bad entry saying where it is and how to write it, without the password', async () => {
    await expect(
      loadProxies({ PROXY_URLS: 'http://127.0.0.1:8001,ftp://bob:hunter2@files.example.com:21' }),
    ).rejects.toThrow(
      /PROXY_URLS item 2 \("ftp:\/\/bob:\*\*\*@files\.example\.com:21"\): use http:\/\/, https:\/\/ or socks5:\/\//,
    );
    await expect(loadProxies({ PROXY_URLS: 'proxy.example.com' })).rejects.toThrow(/not a URL.*e\.g\. http:\/\//);
    const file = join(dir, 'bad.txt');
    await writeFile(file, 'http://127.0.0.1:8001\nsocks5://u:p@127.0.0.1:1080\n');
    await expect(loadProxies({ PROXY_FILE: file })).rejects.toThrow(/bad\.txt line 2 .*SOCKS5/);
    await expect(loadProxies({ PROXY_FILE: join(dir, 'missing.txt') })).rejects.toThrow(/PROXY_FILE .*cannot be read/);
  });
});
