// The lifecycle as a Mermaid state diagram, generated from TRANSITIONS so the picture in
// docs/architecture.md cannot drift from the rule (protocol/test/status-diagram.test.ts).
import { type ApplicationStatus, TERMINAL_STATUSES, TRANSITIONS, type TransitionName } from './status.ts';

export function stateDiagram(): string {
  const edges = new Map<string, TransitionName[]>();
  for (const [name, rule] of Object.entries(TRANSITIONS) as [TransitionName, (typeof TRANSITIONS)[TransitionName]][]) {
    const froms: readonly (ApplicationStatus | '[*]')[] = rule.from.length ? rule.from : ['[*]'];
    for (const from of froms) {
      for (const to of rule.to) {
        if (from === to) continue;
        const key = `${from} --> ${to}`;
        edges.set(key, [...(edges.get(key) ?? []), name]);
      }
    }
  }
  const lines = ['stateDiagram-v2'];
  for (const [edge, names] of edges) lines.push(`  ${edge}: ${names.join(', ')}`);
  for (const status of TERMINAL_STATUSES) lines.push(`  ${status} --> [*]`);
  return lines.join('\n');
}
