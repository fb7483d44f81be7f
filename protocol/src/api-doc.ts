// docs/api.md, rendered from the OpenAPI document (openapi.ts): one source for both. Regenerate
// with `npx tsx protocol/src/print-api-doc.ts > docs/api.md`; a test fails when the file is stale.
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from './openapi.ts';
import { type Caller, WEBSOCKETS } from './routes.ts';

const WHO: Record<Caller, string> = {
  anyone: 'anyone',
  user: 'user',
  owner: 'user or device token',
  operator: 'operator',
  refresh: 'refresh token',
  device: 'device token',
  lease: 'lease holder',
  link: 'signed link',
  stripe: 'Stripe',
  metrics: '`METRICS_TOKEN`',
};

const INTRO = `# The HTTP API

What the web app, executors and operators call. JSON in and out, validated with the zod schemas of
\`@jobswipe/protocol\`; versioned under \`/v1\`. This page is generated from the OpenAPI 3.1
document the backend serves at \`GET /v1/openapi.json\` (itself generated from
\`protocol/src/routes.ts\` and the schemas it names): \`npx tsx protocol/src/print-api-doc.ts >
docs/api.md\` rewrites it, and a test fails when it is stale. The executors' protocol (the device
WebSocket and its long-poll fallback) is in [protocol.md](protocol.md); so are the web's live events.

- **Auth**: \`Authorization: Bearer <access token>\` from \`AuthResponse\`. Access tokens are
  short-lived; \`POST /v1/auth/refresh\` rotates the refresh token (sent back as an httpOnly cookie,
  or in the body) and reusing an old one ends the whole session family.
- **Scope**: every request acts for the caller only; another user's id answers \`404\`, as if it did
  not exist.
- **Errors**: always \`{ "error": { "code", "message", "details"? } }\` (\`ErrorBody\`), never a stack
  trace; \`message\` says what was wrong, where, and what to do. Codes map to statuses in
  \`backend/src/http/errors.ts\`: \`400\` validation_failed / malformed_json, \`401\` unauthenticated /
  token_expired, \`402\` payment_required, \`403\` forbidden, \`404\` not_found, \`409\` conflict /
  invalid_transition / stale_lease, \`413\`, \`415\`, \`422\` idempotency_mismatch, \`429\` rate_limited,
  \`503\` service_unavailable.
- **Idempotency**: \`POST /v1/swipes\` takes an \`Idempotency-Key\` header; the same key with the same
  body answers the first answer again, with another body \`422\`.
- **Paging**: list endpoints answer \`{ items, nextCursor }\`; pass \`nextCursor\` back as \`cursor\`.
`;

/** A schema as a short TypeScript-like type: named schemas by name, the rest spelt out. */
export function typeOf(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'unknown';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').at(-1)!;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) return union.map(typeOf).join(' | ');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.type === 'array') return `${wrap(typeOf(schema.items as JsonSchema))}[]`;
  if (schema.type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const fields = Object.entries(properties).map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeOf(v)}`);
    if (fields.length === 0)
      return schema.additionalProperties
        ? `Record<string, ${typeOf(schema.additionalProperties as JsonSchema)}>`
        : '{}';
    return `{ ${fields.join(', ')} }`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return String(schema.type ?? 'unknown');
}

const wrap = (type: string) => (type.includes(' ') ? `(${type})` : type);
const code = (text: string) => `\`${text}\``;

function takes(op: OpenApiOperation): string {
  const parts: string[] = [];
  for (const [media, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
    parts.push(media === 'multipart/form-data' ? `multipart ${code(typeOf(schema))}` : code(typeOf(schema)));
  }
  const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  if (query.length) parts.push(`query: ${query.join(', ')}`);
  return parts.join(', ');
}

function answers(op: OpenApiOperation): string {
  const [status, response] = Object.entries(op.responses).find(([s]) => s !== 'default')!;
  const content = Object.entries(response.content ?? {})[0];
  if (!content) return code(status);
  const [media, { schema }] = content;
  const what = media === 'application/json' && Object.keys(schema).length ? code(typeOf(schema)) : response.description;
  return status === '200' ? what : `${code(status)} ${what}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function renderApiDoc(doc: OpenApiDocument): string {
  const rows: string[][] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
      rows.push([
        code(`${method.toUpperCase()} ${expressPath}`),
        WHO[op['x-caller']],
        op.summary,
        takes(op),
        answers(op),
      ]);
    }
  }
  const schemas = Object.entries(doc.components.schemas).map(
    ([name, schema]) => `- ${code(name)}: ${code(typeOf(schema))}`,
  );
  return [
    INTRO,
    '## Routes\n',
    table(['route', 'who', 'what', 'takes', 'answers'], rows),
    '\n## WebSockets\n',
    table(
      ['route', 'who', 'what'],
      WEBSOCKETS.map((w) => [code(`GET ${w.path}`), w.who, w.what]),
    ),
    '\nEvery other path outside `/v1` serves the web app.\n',
    '## Schemas\n',
    'As JSON Schema in the OpenAPI document; here in short (`?`: may be left out).\n',
    schemas.join('\n'),
    '',
  ].join('\n');
}
