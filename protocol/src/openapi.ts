// The OpenAPI 3.1 document of the HTTP API, generated from the route table (routes.ts) and the zod
// schemas it names, with zod's own JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12).
// The backend serves it at /v1/openapi.json; docs/api.md is rendered from it (api-doc.ts).
import { z } from 'zod';
import { CALLERS, type Caller, ROUTES, type RouteSpec, SCHEMAS, type SchemaName } from './routes.ts';

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiOperation {
  summary: string;
  description: string;
  operationId: string;
  /** Who may call it (routes.ts CALLERS), for docs/api.md. */
  'x-caller': Caller;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Partial<Record<RouteSpec['method'], OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

const ref = (name: SchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** How each caller proves who it is, as OpenAPI security schemes. */
/** The schemes each caller may prove itself with (any one of them). */
const SECURITY: Partial<Record<Caller, string[]>> = {
  user: ['accessToken'],
  owner: ['accessToken', 'deviceToken'],
  operator: ['accessToken'],
  device: ['deviceToken'],
  lease: ['deviceToken'],
  link: ['signedLink'],
  stripe: ['stripeSignature'],
  metrics: ['metricsToken'],
};

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From AuthResponse.accessToken' },
  deviceToken: { type: 'http', scheme: 'bearer', description: 'The device token from pairing (dt_…)' },
  signedLink: { type: 'apiKey', in: 'query', name: 'sig', description: 'HMAC of the link, with its expiry in `exp`' },
  stripeSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'Stripe-Signature',
    description: "Stripe's webhook signature",
  },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when the server sets one' },
};

/** Component schemas: request shapes as clients send them (defaults optional), answers as sent. */
function componentSchemas(): Record<string, JsonSchema> {
  const inputs = new Set<SchemaName>();
  const outputs = new Set<SchemaName>(['ErrorBody']);
  for (const route of ROUTES) {
    for (const name of [route.body, route.query, route.multipart]) if (name) inputs.add(name);
    if (typeof route.answer === 'string') outputs.add(route.answer);
    if (route.alternative) outputs.add(route.alternative.answer);
  }
  const convert = (names: Set<SchemaName>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>();
    // Every named schema is registered, so shared ones are referenced rather than copied.
    for (const [name, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id: name });
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    });
    return Object.fromEntries(
      [...names].sort().map((name) => {
        const { $schema: _s, $id: _i, ...schema } = schemas[name] as JsonSchema;
        return [name, schema];
      }),
    );
  };
  const all = { ...convert(outputs, 'output'), ...convert(inputs, 'input') };
  // Schemas referenced from those (a view inside another view) are components too.
  const referenced = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') referenced.add(inner.split('/').at(-1)!);
        else visit(inner);
      }
    }
  };
  visit(all);
  const missing = new Set([...referenced].filter((name) => !(name in all))) as Set<SchemaName>;
  return Object.fromEntries(
    Object.entries({ ...all, ...convert(missing, 'output') }).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function operation(route: RouteSpec, components: Record<string, JsonSchema>): OpenApiOperation {
  const parameters: NonNullable<OpenApiOperation['parameters']> = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    const query = components[route.query] as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  const responses: OpenApiOperation['responses'] = {};
  const status = String(route.status ?? 200);
  const answer = route.answer;
  if (answer === undefined) responses[status] = { description: 'Done; no content' };
  else if (typeof answer === 'string') {
    responses[status] = { description: answer, content: { 'application/json': { schema: ref(answer) } } };
  } else {
    const schema = answer.file === 'application/json' ? {} : { type: 'string', format: 'binary' };
    responses[status] = { description: answer.description, content: { [answer.file]: { schema } } };
  }
  if (route.alternative) {
    responses[String(route.alternative.status)] = {
      description: route.alternative.when,
      content: { 'application/json': { schema: ref(route.alternative.answer) } },
    };
  }
  responses.default = {
    description: 'An error: what was wrong, where, and what to do (the status follows the code)',
    content: { 'application/json': { schema: ref('ErrorBody') } },
  };
  const schemes = SECURITY[route.who];
  const body = route.body ?? route.multipart;
  return {
    summary: route.summary,
    description: `Who: ${CALLERS[route.who]}.`,
    operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    'x-caller': route.who,
    ...(schemes ? { security: schemes.map((scheme) => ({ [scheme]: [] })) } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { [route.multipart ? 'multipart/form-data' : 'application/json']: { schema: ref(body) } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(): OpenApiDocument {
  const schemas = componentSchemas();
  const paths: OpenApiDocument['paths'] = {};
  for (const route of ROUTES) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route, schemas) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'JobSwipe API',
      version: '1',
      description:
        'What the web app and executors call. JSON in and out, validated with the zod schemas of @jobswipe/protocol; every error is an ErrorBody.',
    },
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
