import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { stateDiagram } from '../src/status-diagram.ts';

describe('docs/architecture.md', () => {
  it('draws exactly the transition table (regenerate with: npx tsx protocol/src/print-status-diagram.ts)', async () => {
    const doc = await readFile(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const block = doc.match(/```mermaid\n(stateDiagram-v2[\s\S]*?)\n```/)?.[1];
    expect(block).toBe(stateDiagram());
  });
});
