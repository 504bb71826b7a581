import { isDeepStrictEqual } from 'node:util';
import { BEARER_SCHEME, operationsOf } from '@wage/platform';
import { serviceFor, type ServiceName } from '../routing/routes';

/** The parts of an OpenAPI document the merge reads and writes; everything else passes through. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  [extension: string]: unknown;
}

export type UpstreamDocument =
  | { service: ServiceName; document: OpenApiDocument }
  | { service: ServiceName; document: null; reason: string };

const SCHEMA_REF = '#/components/schemas/';

/**
 * One document for the whole public API from each service's own: every path the gateway routes to the service
 * that documents it, component schemas renamed `<service>_<name>` only where two services mean different things
 * by one name, a tag per service, and the services that did not answer listed in `x-unavailable`.
 */
export function mergeDocuments(upstreams: UpstreamDocument[]): OpenApiDocument {
  const answered = upstreams.filter((u) => u.document !== null) as Extract<
    UpstreamDocument,
    { document: OpenApiDocument }
  >[];
  const missing = upstreams.filter((u) => u.document === null) as Extract<
    UpstreamDocument,
    { document: null }
  >[];

  // A name two services define differently is renamed in both; identical definitions (ApiError) are shared.
  const definitions = new Map<string, unknown[]>();
  for (const { document } of answered) {
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const seen = definitions.get(name) ?? [];
      if (!seen.some((other) => isDeepStrictEqual(other, schema))) seen.push(schema);
      definitions.set(name, seen);
    }
  }
  const clashing = new Set(
    [...definitions].filter(([, variants]) => variants.length > 1).map(([name]) => name),
  );

  const paths: OpenApiDocument['paths'] = {};
  const schemas: Record<string, unknown> = {};
  for (const { service, document } of answered) {
    const rename = (name: string) => (clashing.has(name) ? `${service.replace(/-/g, '_')}_${name}` : name);
    const renamed = rewriteRefs(document, rename);
    for (const [name, schema] of Object.entries(renamed.components?.schemas ?? {}))
      schemas[rename(name)] = schema;
    // Only what the gateway really sends to this service: a path it routes elsewhere would not be reachable.
    for (const [path, item] of Object.entries(renamed.paths)) {
      if (serviceFor(path) === service) paths[path] = { ...paths[path], ...item };
    }
  }
  for (const { operation } of operationsOf({ paths } as never)) {
    // The gateway limits requests per client address before any service sees them.
    operation.responses = {
      ...operation.responses,
      '429': {
        description: 'too many requests from this address; wait for Retry-After seconds',
        content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ApiError` } } },
      },
    };
  }

  const unavailable = missing.map((m) => m.service);
  const description = [
    'The public API of wage-guard, through the gateway. Authenticate with `Authorization: Bearer <token>`: the ' +
      'administrator key, a project key, a bank key, or a user access token from `POST /api/v1/auth/login`. ' +
      'Each operation lists who may call it in `x-callers` (admin also admits users whose role is ADMIN). Errors ' +
      'are `{ error, message, details }`; money is yuan strings in requests.',
    ...(missing.length > 0
      ? [
          `Not included, because these services did not answer: ${missing
            .map((m) => `${m.service} (${m.reason})`)
            .join(', ')}.`,
        ]
      : []),
  ].join('\n\n');
  return {
    openapi: '3.1.0',
    info: { title: 'wage-guard API', version: '1', description },
    servers: [{ url: '/' }],
    tags: upstreams.map(({ service, document }) => ({
      name: service,
      description: document === null ? `${service}: not available now` : document.info.description,
    })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'the administrator key, a project key, a bank key, or a user access token from POST /api/v1/auth/login',
        },
      },
    },
    'x-unavailable': unavailable,
  };
}

function rewriteRefs(document: OpenApiDocument, rename: (name: string) => string): OpenApiDocument {
  return JSON.parse(JSON.stringify(document), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)
      ? `${SCHEMA_REF}${rename(value.slice(SCHEMA_REF.length))}`
      : value,
  ) as OpenApiDocument;
}

/** Every `$ref` of a document that does not point at something in it (local references only). */
export function unresolvedRefs(document: object): string[] {
  const unresolved: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === '$ref' && typeof item === 'string' && resolve(document, item) === undefined) {
          unresolved.push(item);
        } else visit(item);
      }
    }
  };
  visit(document);
  return unresolved;
}

function resolve(document: object, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      document,
    );
}
