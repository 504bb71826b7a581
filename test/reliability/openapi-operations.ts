import { operationsOf } from '@wage/platform';
import type { FieldKind } from './hostile-values';

/**
 * Reads the gateway's merged OpenAPI document for the reliability suite: which operations exist, who may call
 * each (`x-callers`), and the fields of each JSON body with the kind of value each holds. The authorization matrix
 * and the fuzzer are driven by it, so an endpoint added to a service is tried without anyone listing it here.
 */
type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  examples?: unknown[];
};

export type Caller = 'admin' | 'project' | 'bank' | 'user' | 'worker' | 'public';

export interface DocumentedOperation {
  method: string;
  /** The path below /api/v1, with `{param}` placeholders. */
  template: string;
  callers: Caller[];
  /** The JSON body's schema with references resolved, when the operation takes one. */
  body?: Schema;
  /** The first example of the JSON body. */
  example?: unknown;
  pathParams: string[];
  query: { name: string; example?: unknown }[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

const PREFIX = '/api/v1';

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  };
  return operationsOf(document as never).map(({ method, path, operation }) => {
    const json = operation.requestBody?.content?.['application/json'] as
      { schema?: Schema; examples?: Record<string, { value: unknown }> } | undefined;
    const parameters = (operation.parameters ?? []) as {
      name: string;
      in: string;
      example?: unknown;
      schema?: Schema;
    }[];
    return {
      method: method.toUpperCase(),
      template: path.slice(PREFIX.length),
      callers: operation['x-callers'] as Caller[],
      body: json && deepResolve(resolve(json.schema), resolve),
      example: json?.examples && Object.values(json.examples)[0]?.value,
      pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      query: parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, example: p.example ?? p.schema?.examples?.[0] })),
    };
  });
}

function deepResolve(
  schema: Schema | undefined,
  resolve: (s: Schema | undefined) => Schema | undefined,
): Schema | undefined {
  const s = resolve(schema);
  if (!s) return s;
  return {
    ...s,
    ...(s.properties && {
      properties: Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, deepResolve(v, resolve)!]),
      ),
    }),
    ...(s.items && { items: deepResolve(s.items, resolve) }),
  };
}

export interface BodyField {
  path: (string | number)[];
  kind: FieldKind;
  /** Whether leaving the field out must be refused. */
  required: boolean;
  /** For a list: whether an empty list is allowed. */
  emptyAllowed?: boolean;
}

const types = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

/** The kind of value a field holds, from its schema and a valid value (the base body's, else the example's). */
export function kindOf(schema: Schema, value: unknown): FieldKind {
  if (schema.enum) return 'enum';
  const t = types(schema);
  if (t.includes('array')) return 'list';
  if (t.includes('object')) return 'object';
  if (t.includes('boolean')) return 'bool';
  if (t.includes('integer') || t.includes('number')) return 'int';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'instant';
  const v =
    typeof value === 'string' ? value : typeof schema.examples?.[0] === 'string' ? schema.examples[0] : '';
  if (/^\d{4}-\d{2}$/.test(v)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return 'instant';
  if (/^\d{17}[\dX]$/.test(v)) return 'id';
  if (/^\d+\.\d{2}$/.test(v)) return 'amount';
  if (/\p{Script=Han}/u.test(v)) return 'name';
  if (schema.pattern || /^[\x21-\x7e]+$/.test(v)) return 'code';
  return 'text';
}

/**
 * Every field of a JSON body, depth first: objects' properties and the first item of each list. `base` is a valid
 * body the caller will mutate; `example` (the document's) fills in fields the base leaves out.
 */
export function bodyFields(schema: Schema, base: unknown, example?: unknown): BodyField[] {
  const fields: BodyField[] = [];
  const at = (node: unknown, key: string | number) =>
    node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  const firstWith = (list: unknown, key: string): unknown =>
    Array.isArray(list)
      ? at(
          list.find((item) => at(item, key) !== undefined),
          key,
        )
      : undefined;
  const walk = (s: Schema, path: (string | number)[], value: unknown, sample: unknown) => {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const childValue = at(value, key);
      const childSample = at(sample, key);
      const kind = kindOf(child, childValue ?? childSample);
      fields.push({
        path: [...path, key],
        kind,
        required: s.required?.includes(key) ?? false,
        ...(kind === 'list' && { emptyAllowed: !(child.minItems && child.minItems > 0) }),
      });
      if (kind === 'object') walk(child, [...path, key], childValue, childSample);
      if (
        kind === 'list' &&
        child.items &&
        types(child.items).includes('object') &&
        Array.isArray(childValue)
      )
        walkItem(child.items, [...path, key, 0], childValue[0], childSample);
    }
  };
  const walkItem = (s: Schema, path: (string | number)[], value: unknown, samples: unknown) => {
    // A field the base's first row leaves out is typed from the first example row that has it.
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(s.properties ?? {})) merged[key] = firstWith(samples, key);
    walk(s, path, value, merged);
  };
  walk(schema, [], base, example);
  return fields;
}
