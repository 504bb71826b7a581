import type { NextFunction, Request, Response } from 'express';
import { rejectControlCharacters } from './request-checks';

function run(req: Partial<Request>): {
  passed: boolean;
  status?: number;
  body?: { details: { field: string }[] };
} {
  const answer: { passed: boolean; status?: number; body?: { details: { field: string }[] } } = {
    passed: false,
  };
  const res = {
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: { details: { field: string }[] }) {
      answer.body = body;
      return this;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    answer.passed = true;
  };
  rejectControlCharacters(
    { path: '/api/v1/projects/XM-1', query: {}, body: undefined, ...req } as Request,
    res,
    next,
  );
  return answer;
}

describe('rejectControlCharacters', () => {
  it('lets ordinary paths, queries and bodies through, including Chinese text and line breaks', () => {
    expect(run({ query: { regionCode: '350206' }, body: { name: '张三', note: 'a\nb\tc' } }).passed).toBe(
      true,
    );
  });

  it.each([
    ['a NUL in a path segment', { path: '/api/v1/projects/%00' }, 'path'],
    ['an ESC in a path segment', { path: '/api/v1/wage-accounts/%1B%5B2J' }, 'path'],
    ['a NUL in a query value', { query: { projectCode: 'a\u0000' } }, 'query.projectCode'],
    ['a NUL in a query name', { query: { 'a\u0000': 'x' } }, 'query.0'],
    ['a NUL beside a malformed escape', { path: '/api/v1/projects/%00/%E0%A4%A' }, 'path'],
    ['a NUL in a body field', { body: { workers: [{ name: 'a\u0000b' }] } }, 'workers.0.name'],
  ])('refuses %s with 400 naming where it is', (_, req, field) => {
    const answer = run(req as Partial<Request>);
    expect(answer.passed).toBe(false);
    expect(answer.status).toBe(400);
    expect(answer.body?.details[0].field).toBe(field);
  });

  it('leaves a path with malformed escapes to Express rather than failing on it', () => {
    expect(run({ path: '/api/v1/projects/%E0%A4%A' }).passed).toBe(true);
  });
});
