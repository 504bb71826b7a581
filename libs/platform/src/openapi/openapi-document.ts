import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PathsExplorer } from '@nestjs/core/router/paths-explorer';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_ERROR_SCHEMA_NAME, apiErrorBody, requestJsonSchema } from './api-contract';

/** Where every service serves its own document (public, like /health). */
export const OPENAPI_PATH = '/openapi.json';
/** Only the public API is documented: not /health, /metrics or the document itself. */
export const DOCUMENTED_PREFIX = '/api/v1/';
export const BEARER_SCHEME = 'bearer';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Operation = Record<string, unknown> & {
  operationId?: string;
  responses?: Record<string, unknown>;
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
};

/** Each operation of a document with its method and path. */
export function operationsOf(document: Pick<OpenAPIObject, 'paths'>): {
  method: string;
  path: string;
  operation: Operation;
}[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      method,
      path,
      operation: item[method] as unknown as Operation,
    })),
  );
}

/**
 * The service's OpenAPI 3.1 document, from its controllers' @ApiContract (schemas, examples, answers) and
 * @Allow/@Public (`x-callers`: admin, project, bank, user or public; `admin` also admits users whose role is ADMIN).
 */
export function buildOpenApiDocument(app: INestApplication, serviceName: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`wage-guard ${serviceName}`)
    .setDescription(
      `The part of the wage-guard public API that ${serviceName} serves. Callers reach it through the gateway.`,
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'the administrator key, a project key, a bank key, or a user access token from POST /api/v1/auth/login',
      },
      BEARER_SCHEME,
    )
    .addTag(serviceName)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  document.paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => path.startsWith(DOCUMENTED_PREFIX)),
  );
  const schemas: Record<string, SchemaObject> = {
    [API_ERROR_SCHEMA_NAME]: requestJsonSchema(apiErrorBody),
  };
  for (const { operation } of operationsOf(document)) {
    const callers = (operation['x-callers'] as string[] | undefined) ?? [];
    operation['x-callers'] = callers;
    operation.tags = [serviceName];
    if (callers.includes('public')) {
      operation.security = [];
      delete operation.responses?.['401'];
      delete operation.responses?.['403'];
    } else {
      operation.security = [{ [BEARER_SCHEME]: [] }];
    }
    // An answer's schemas that carry a title (`.meta({ title: 'Alert' })`) become named components, once each.
    for (const [status, answer] of Object.entries(operation.responses ?? {})) {
      const content = (answer as { content?: Record<string, { schema?: SchemaObject }> }).content;
      if (!status.startsWith('2') || !content?.['application/json']?.schema) continue;
      content['application/json'].schema = hoistTitled(content['application/json'].schema, schemas);
    }
    // A request body's schema becomes a named component, so that tools and readers can refer to it.
    const json = operation.requestBody?.content?.['application/json'];
    if (json?.schema && !('$ref' in json.schema) && operation.operationId) {
      const name = `${pascalCase(operation.operationId)}Request`;
      schemas[name] = json.schema as SchemaObject;
      json.schema = { $ref: `#/components/schemas/${name}` };
    }
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  return document;
}

/** The schema with every subschema that has a title replaced by a reference to the component of that name. */
function hoistTitled(schema: SchemaObject, schemas: Record<string, SchemaObject>): SchemaObject {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const walked = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, walk(v)]));
    const title = (value as { title?: unknown }).title;
    if (typeof title !== 'string') return walked;
    const known = schemas[title];
    if (known && JSON.stringify(known) !== JSON.stringify(walked))
      throw new Error(`two different answer schemas are titled ${title}: give one another title`);
    schemas[title] = walked as SchemaObject;
    return { $ref: `#/components/schemas/${title}` };
  };
  return walk(schema) as SchemaObject;
}

function pascalCase(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export interface DeclaredRoute {
  method: string;
  /** With `{param}` as in OpenAPI. */
  path: string;
  /** The controller method, which carries the route's metadata. */
  handler: object;
  /** The controller class, which may carry metadata for all its routes. */
  controller: Type;
}

/** Every route the app's controllers declare, as Nest's router registers them (no global prefix or versions). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const explorer = new PathsExplorer(new MetadataScanner());
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '/';
      const prototype = controller.prototype as Record<string, object>;
      for (const route of explorer.scanForPaths(prototype, prototype)) {
        for (const path of route.path) {
          const methods =
            route.requestMethod === RequestMethod.ALL
              ? HTTP_METHODS.slice(0, 7)
              : [RequestMethod[route.requestMethod].toLowerCase()];
          const full = `/${base}/${path}`
            .replace(/\/+/g, '/')
            .replace(/(.)\/$/, '$1')
            .replace(/:(\w+)/g, '{$1}');
          for (const method of methods) {
            routes.push({ method, path: full, handler: prototype[route.methodName], controller });
          }
        }
      }
    }
  }
  return routes;
}
