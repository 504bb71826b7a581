import { mergeDocuments, unresolvedRefs, type OpenApiDocument } from './merge-documents';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const apiError = { type: 'object', properties: { error: { type: 'string' } } };

function documentOf(paths: Record<string, object>, schemas: Record<string, object>): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1', description: 'a service' },
    paths: paths as OpenApiDocument['paths'],
    components: { schemas: { ApiError: apiError, ...schemas } },
  };
}

describe('mergeDocuments', () => {
  const roster = documentOf(
    {
      '/api/v1/projects': {
        post: { requestBody: { content: { 'application/json': { schema: ref('Body') } } }, responses: {} },
      },
      // Not routed to roster-service by the gateway: left out.
      '/api/v1/banks': { post: { responses: {} } },
    },
    { Body: { type: 'object', title: 'project' } },
  );
  const banks = documentOf(
    {
      '/api/v1/banks': {
        post: { requestBody: { content: { 'application/json': { schema: ref('Body') } } }, responses: {} },
      },
    },
    { Body: { type: 'object', title: 'bank' } },
  );

  it('renames only the schemas two services define differently, and keeps every reference resolving', () => {
    const merged = mergeDocuments([
      { service: 'roster-service', document: roster },
      { service: 'wage-account-service', document: banks },
    ]);
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual([
      'ApiError',
      'roster_service_Body',
      'wage_account_service_Body',
    ]);
    expect(merged.paths['/api/v1/banks'].post).toMatchObject({
      requestBody: { content: { 'application/json': { schema: ref('wage_account_service_Body') } } },
      responses: { '429': expect.any(Object) },
    });
    expect(Object.keys(merged.paths).sort()).toEqual(['/api/v1/banks', '/api/v1/projects']);
    expect(unresolvedRefs(merged)).toEqual([]);
    expect(merged['x-unavailable']).toEqual([]);
  });

  it('answers with the services that answered and names the others', () => {
    const merged = mergeDocuments([
      { service: 'roster-service', document: roster },
      { service: 'report-service', document: null, reason: 'ECONNREFUSED' },
    ]);
    expect(Object.keys(merged.paths)).toEqual(['/api/v1/projects']);
    expect(merged['x-unavailable']).toEqual(['report-service']);
    expect(merged.info.description).toContain('report-service (ECONNREFUSED)');
  });

  it('finds references that point nowhere', () => {
    expect(
      unresolvedRefs({ a: { $ref: '#/components/schemas/Missing' }, components: { schemas: {} } }),
    ).toEqual(['#/components/schemas/Missing']);
  });
});
