// A Dockerfile read as its stages, for the tests that check what the images run and ship.

/** Dockerfile stages: name → instructions (continuation lines joined, comments dropped). */
export function dockerfileStages(text: string): Map<string, string[]> {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)/i.exec(line);
    if (from) {
      // A stage built FROM another starts with that stage's instructions.
      current = [...(result.get(from[1]!) ?? []), line];
      result.set(from[2]!, current);
    } else current.push(line);
  }
  return result;
}
