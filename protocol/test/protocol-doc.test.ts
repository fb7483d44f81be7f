// docs/protocol.md cannot drift from the schemas: every JSON example in it names the schema it
// shows (```json ExecutorMessage), parses against it without a field the schema does not know,
// and every message type of every channel has at least one example.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from '../src/api.ts';
import * as device from '../src/device.ts';
import * as errors from '../src/errors.ts';
import * as events from '../src/events.ts';
import * as model from '../src/model-answers.ts';

const doc = await readFile(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

interface Example {
  schema: string | undefined;
  line: number;
  text: string;
}

function jsonExamples(markdown: string): Example[] {
  return [...markdown.matchAll(/^```json(?:[ \t]+(\S+))?[ \t]*\n([\s\S]*?)^```/gm)].map((m) => ({
    schema: m[1],
    line: markdown.slice(0, m.index).split('\n').length,
    text: m[2]!,
  }));
}

/** Every schema the protocol package exports, by its name. */
const exported: Record<string, unknown> = { ...api, ...errors, ...device, ...events, ...model };
const SCHEMAS = Object.fromEntries(
  Object.entries(exported).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType),
);

/** The channels' message unions: each of their types needs an example. */
const CHANNELS = {
  ExecutorMessage: device.ExecutorMessage.options.map((o) => o.shape.type.value),
  BackendMessage: device.BackendMessage.options.map((o) => o.shape.type.value),
  EventsClientMessage: events.EventsClientMessage.options.map((o) => o.shape.type.value),
  EventsServerMessage: events.EventsServerMessage.options.map((o) => o.shape.type.value),
};
const OTHER_REQUIRED = ['PollBody', 'PollResponse'];

/** Paths of fields in `input` that parsing dropped: a typo or a field the schema no longer has. */
function unknownFields(input: unknown, output: unknown, path = ''): string[] {
  const at = (key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((value, i) => unknownFields(value, output[i], at(i)));
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isRecord(input) && isRecord(output)) {
    return Object.keys(input).flatMap((key) =>
      key in output ? unknownFields(input[key], output[key], at(key)) : [at(key)],
    );
  }
  return [];
}

const examples = jsonExamples(doc);

describe('docs/protocol.md', () => {
  it.each(examples.map((e) => [`line ${e.line}: ${e.schema ?? '(no schema named)'}`, e] as const))(
    'example at %s is valid',
    (_name, example) => {
      const schema = example.schema ? SCHEMAS[example.schema] : undefined;
      expect(schema, 'name a schema exported by @jobswipe/protocol after ```json').toBeDefined();
      const input: unknown = JSON.parse(example.text);
      const parsed = schema!.safeParse(input);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(unknownFields(input, parsed.data), 'fields the schema does not have').toEqual([]);
    },
  );

  it('has an example of every message type on every channel', () => {
    const shown = new Map<string, Set<string>>();
    for (const e of examples) {
      const type = (JSON.parse(e.text) as { type?: unknown }).type;
      const set = shown.get(e.schema ?? '') ?? new Set();
      set.add(String(type));
      shown.set(e.schema ?? '', set);
    }
    const missing = [
      ...Object.entries(CHANNELS).flatMap(([schema, types]) =>
        types.filter((t) => !shown.get(schema)?.has(t)).map((t) => `${schema} "${t}"`),
      ),
      ...OTHER_REQUIRED.filter((schema) => !shown.has(schema)),
    ];
    expect(missing).toEqual([]);
  });

  it('states the limits the protocol enforces', () => {
    expect(doc).toContain(`${device.MAX_FRAME_BYTES / 1024} KiB (\`MAX_FRAME_BYTES\`)`);
    expect(doc).toContain(`${device.PING_INTERVAL_MS / 1000} s (\`PING_INTERVAL_MS\`)`);
  });
});
