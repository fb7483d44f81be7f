// Evidence of how an attempt ended: a full-page screenshot, and the page's HTML when a person
// will need to look (anything but a clean submission).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export function defaultEvidenceDir(): string {
  return process.env.EVIDENCE_DIR ?? join(tmpdir(), 'jobswipe-evidence');
}

export async function captureEvidence(page: Page, dir: string, label: string, withHtml: boolean): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const base = join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${label}-${randomBytes(3).toString('hex')}`,
  );
  const paths: string[] = [];
  try {
    await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 });
    paths.push(`${base}.png`);
    if (withHtml) {
      await writeFile(`${base}.html`, await page.content());
      paths.push(`${base}.html`);
    }
  } catch {
    // A page that crashed or closed leaves no evidence; the result still says what happened.
  }
  return paths;
}
