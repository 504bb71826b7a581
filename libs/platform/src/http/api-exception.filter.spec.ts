import type { ArgumentsHost } from '@nestjs/common';
import pino from 'pino';
import { isDatabaseUnavailable } from '../database/unavailable';
import { UseCaseError } from '../use-cases/use-case-error';
import { ApiExceptionFilter } from './api-exception.filter';

function answer(exception: unknown) {
  const sent: {
    status?: number;
    body?: { error: string; message: string };
    headers: Record<string, string>;
  } = {
    headers: {},
  };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: { error: string; message: string }) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => response,
      getRequest: () => ({ method: 'PUT', path: '/api/v1/x', originalUrl: '/api/v1/x' }),
    }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter(pino({ level: 'silent' })).catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it.each([
    [
      'the server shutting down (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a connection reset mid-query', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
  ])('answers %s with 503 and Retry-After, so the client sends again', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
    expect(sent.body?.error).toBe('SERVICE_UNAVAILABLE');
  });

  it('still answers a bug with 500 and no detail', () => {
    const error = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(isDatabaseUnavailable(error)).toBe(false);
    const sent = answer(error);
    expect(sent.status).toBe(500);
    expect(sent.body?.message).not.toMatch(/duplicate/);
  });

  it.each([
    [UseCaseError.invalid('month must be YYYY-MM'), 400, 'BAD_REQUEST'],
    [UseCaseError.forbidden('your region 350206 does not cover 350203'), 403, 'FORBIDDEN'],
    [UseCaseError.notFound('no project XM-1'), 404, 'NOT_FOUND'],
    [UseCaseError.conflict('ACCOUNT_EXISTS', 'the account is already open'), 409, 'ACCOUNT_EXISTS'],
    [UseCaseError.batchTooLarge(6000, 5000), 413, 'BATCH_TOO_LARGE'],
    [
      UseCaseError.invalidRows([{ index: 0, field: 'idNumber', code: 'X', message: 'm' }], 1),
      422,
      'INVALID_ROWS',
    ],
    [UseCaseError.rateLimited('TOO_MANY_CODES', 'wait a minute'), 429, 'TOO_MANY_CODES'],
    [UseCaseError.unavailable('ALERT_SERVICE_UNAVAILABLE', 'try again'), 503, 'ALERT_SERVICE_UNAVAILABLE'],
  ])("answers a use case refusal %# with its kind's status and its own code", (error, status, code) => {
    const sent = answer(error);
    expect(sent.status).toBe(status);
    expect(sent.body).toEqual({ error: code, message: error.message, details: error.details });
  });
});
