import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER } from '../http/idempotency';

/** The error answer of every endpoint: `{ error, message, details }` (docs/api.md, errors). */
export const apiErrorBody = z
  .object({
    error: z.string().meta({ description: 'a stable code, e.g. BAD_REQUEST, INVALID_ROWS, FORBIDDEN' }),
    message: z.string().meta({ description: 'what was wrong and how to fix it, in English' }),
    details: z
      .array(
        z.looseObject({
          index: z.number().int().optional().meta({ description: "the row's index in a batch" }),
          field: z.string().optional(),
          code: z.string().optional(),
          message: z.string().optional(),
        }),
      )
      .meta({ description: 'one entry per problem: a field of the request, or a row of a batch' }),
  })
  .meta({ title: 'ApiError' });

export const API_ERROR_SCHEMA_NAME = 'ApiError';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** What each error status means in general; an endpoint says more where it knows more. */
const ERROR_ANSWERS: Record<ErrorStatus, { description: string; example: z.infer<typeof apiErrorBody> }> = {
  400: {
    description: 'the request is invalid; details list every problem (field, code, message)',
    example: {
      error: 'BAD_REQUEST',
      message: 'the request body is invalid: month: must be a month YYYY-MM, e.g. "2026-09"',
      details: [{ field: 'month', code: 'custom', message: 'must be a month YYYY-MM, e.g. "2026-09"' }],
    },
  },
  401: {
    description: 'no bearer token, or one this platform did not issue',
    example: {
      error: 'UNAUTHORIZED',
      message: 'a valid Authorization: Bearer <token> header is required',
      details: [],
    },
  },
  403: {
    description: 'the token is valid but may not do this (see x-callers), or the data is outside its scope',
    example: {
      error: 'FORBIDDEN',
      message: 'this endpoint is for admin; the token given is a project token',
      details: [],
    },
  },
  404: {
    description: 'no such resource, or none the caller may see',
    example: { error: 'NOT_FOUND', message: 'no project XM-2026-001', details: [] },
  },
  409: {
    description: 'conflicts with what is stored (or an Idempotency-Key reused with a different body)',
    example: {
      error: 'IDEMPOTENCY_KEY_REUSED',
      message:
        'the Idempotency-Key "b1c2" was already used for a different request body; use a new key for a new request',
      details: [],
    },
  },
  413: {
    description: 'the body is too large, or a batch has more rows than the cap',
    example: {
      error: 'BATCH_TOO_LARGE',
      message:
        'a batch may hold at most 10000 rows; this one has 12000. Split it into batches of 10000 or fewer.',
      details: [],
    },
  },
  415: {
    description: 'the body is not JSON (Content-Type: application/json)',
    example: {
      error: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'send the body as JSON with Content-Type: application/json (it was text/plain)',
      details: [],
    },
  },
  422: {
    description: 'a row of the batch is invalid; nothing of the batch was stored; details name each row',
    example: {
      error: 'INVALID_ROWS',
      message:
        '1 problem in 2 rows; nothing was stored. Fix the rows listed in details and send the whole batch again.',
      details: [
        {
          index: 1,
          field: 'idNumber',
          code: 'INVALID_CHECK_DIGIT',
          message: 'the check digit does not match',
        },
      ],
    },
  },
  429: {
    description: 'too many requests or attempts; the message says how long to wait',
    example: {
      error: 'TOO_MANY_REQUESTS',
      message: 'more than 1200 requests in 60 s from this address; wait 12 s (Retry-After) and try again',
      details: [],
    },
  },
};

export interface SuccessAnswer {
  description: string;
  example?: unknown;
  /**
   * The JSON answer's zod schema (what the use case returns), documented so that clients generated from the
   * document (the console's `api-schema.generated.ts`) are typed by it; a test parses `example` with it.
   */
  schema?: z.ZodType;
}

export interface ApiContractOptions<B extends z.ZodType, Q extends z.ZodType> {
  summary: string;
  description?: string;
  /**
   * The request body's zod schema: the one the controller validates with, or for a batch its envelope with the
   * row schema in place of the unchecked rows (the rows are validated one by one, so each problem gets its index).
   */
  body?: B;
  /** Realistic request bodies by name; a test parses each with `body`. */
  examples?: Record<string, z.input<B>>;
  /** A multipart upload of one file in this form field instead of a JSON body. */
  upload?: { field: string; description: string };
  /** The query's zod object, as the controller validates it. */
  query?: Q;
  /** A realistic query; a test parses it with `query`. */
  queryExample?: z.input<Q>;
  /** Path parameters: what each is, and a realistic value. */
  params?: Record<string, { description: string; example: string }>;
  /** The request takes an Idempotency-Key header (a repeat with the same key and body gets the first answer). */
  idempotent?: boolean;
  /** The answer is a stream of server-sent events. */
  eventStream?: boolean;
  /** The answer is a file of this media type (a PDF, a spreadsheet), not JSON. */
  file?: { mediaType: string };
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 202, SuccessAnswer>>;
  /** Errors this endpoint gives beyond those every endpoint may (400, 401, 403, and 413/415 with a body). */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/**
 * `true` when what a use case answers (`Answer`) is what the answer's schema documents, `never` otherwise: a dto
 * file assigns `true` to it, so tsc fails when a use case's answer and its documented schema drift apart.
 */
export type Documents<Schema extends z.ZodType, Answer> = [Answer] extends [z.output<Schema>] ? true : never;

export const API_CONTRACT = 'openapi:contract';

/** The options an endpoint's @ApiContract was given (tests check its examples against its schemas). */
export function apiContractOf(handler: object): ApiContractOptions<z.ZodType, z.ZodType> | undefined {
  return Reflect.getMetadata(API_CONTRACT, handler) as ApiContractOptions<z.ZodType, z.ZodType> | undefined;
}

/** A zod schema as the JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a caller sends. */
export function requestJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return jsonSchemaOf(schema, 'input');
}

/** A zod schema as the JSON Schema of what an endpoint answers. */
export function answerJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return jsonSchemaOf(schema, 'output');
}

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  // A $defs section would need its references rewritten into components; no schema needs one today.
  if ('$defs' in json)
    throw new Error('request and answer schemas must not be recursive or carry ids (no $defs)');
  return json;
}

const errorContent = (status: ErrorStatus, description?: string) => ({
  status,
  description: description ?? ERROR_ANSWERS[status].description,
  content: {
    'application/json': {
      schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA_NAME}` },
      example: ERROR_ANSWERS[status].example,
    },
  },
});

/**
 * Documents an endpoint in its service's OpenAPI document from the zod schemas its controller validates with, so
 * the document cannot drift from the checks. Who may call it comes from @Allow/@Public (x-callers).
 */
export function ApiContract<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(
  options: ApiContractOptions<B, Q>,
): MethodDecorator {
  const decorators: MethodDecorator[] = [
    SetMetadata(API_CONTRACT, options),
    ApiOperation({
      summary: options.summary,
      ...(options.description && { description: options.description }),
    }),
  ];
  if (options.body) {
    decorators.push(
      ApiConsumes('application/json'),
      ApiBody({
        required: true,
        schema: requestJsonSchema(options.body),
        ...(options.examples && {
          examples: Object.fromEntries(
            Object.entries(options.examples).map(([summary, value], i) => [
              exampleKey(summary) || `example-${i + 1}`,
              { summary, value },
            ]),
          ),
        }),
      }),
    );
  }
  if (options.upload) {
    decorators.push(
      ApiConsumes('multipart/form-data'),
      ApiBody({
        required: true,
        schema: {
          type: 'object',
          required: [options.upload.field],
          properties: {
            [options.upload.field]: {
              type: 'string',
              format: 'binary',
              description: options.upload.description,
            },
          },
        },
      }),
    );
  }
  if (options.query) {
    const json = requestJsonSchema(options.query) as {
      properties?: Record<string, Record<string, unknown>>;
      required?: string[];
    };
    const example = (options.queryExample ?? {}) as Record<string, unknown>;
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      decorators.push(
        ApiQuery({
          name,
          required: json.required?.includes(name) ?? false,
          schema: example[name] === undefined ? schema : { ...schema, examples: [example[name]] },
          ...(typeof schema.description === 'string' && { description: schema.description }),
        }),
      );
    }
  }
  for (const [name, param] of Object.entries(options.params ?? {})) {
    decorators.push(
      ApiParam({ name, description: param.description, example: param.example, schema: { type: 'string' } }),
    );
  }
  if (options.idempotent) {
    decorators.push(
      ApiHeader({
        name: IDEMPOTENCY_KEY_HEADER,
        required: false,
        description:
          'a key of your choosing for this request; a repeat with the same key and body answers as the first did, ' +
          'the same key with a different body is 409',
        example: 'e6c1a2b0-5f0e-4d6a-9a57-2b8f1c3d4e5f',
      }),
    );
  }
  if (options.eventStream) decorators.push(ApiProduces('text/event-stream'));
  if (options.file) decorators.push(ApiProduces(options.file.mediaType));
  for (const [status, answer] of Object.entries(options.responses)) {
    decorators.push(
      ApiResponse({
        status: Number(status),
        description: answer.description,
        ...(answer.example !== undefined && { example: answer.example }),
        ...(answer.schema && { schema: answerJsonSchema(answer.schema) }),
        ...(options.file && {
          content: { [options.file.mediaType]: { schema: { type: 'string', format: 'binary' } } },
        }),
      }),
    );
  }
  const errors: Partial<Record<ErrorStatus, string | undefined>> = {
    401: undefined,
    403: undefined,
    ...((options.body || options.query || options.params || options.upload) && { 400: undefined }),
    ...(options.body && { 413: undefined, 415: undefined }),
    ...(options.upload && { 413: undefined }),
    ...options.errors,
  };
  for (const [status, description] of Object.entries(errors)) {
    decorators.push(ApiResponse(errorContent(Number(status) as ErrorStatus, description)));
  }
  return applyDecorators(...decorators);
}

function exampleKey(summary: string): string {
  return summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
