import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '@wage/domain';
import { isDatabaseUnavailable } from '../database/unavailable';
import { UseCaseError } from '../use-cases/use-case-error';
import { ApiError } from './api-error';
import { REFUSAL_STATUS } from './use-case-answers';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
};

/** How long a client should wait before retrying while the database is unavailable, in seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Turns every failure into the contract's `{ error, message, details }`. Domain errors are the caller's mistake
 * (400 with the domain code); the database being briefly away is a 503 with Retry-After, so that clients retry
 * rather than report a bug; anything unexpected is a 500 whose cause is logged, not shown.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const { status, body } = this.toAnswer(exception, request);
    if (status >= 500)
      this.logger.error(
        { err: exception, method: request.method, url: request.originalUrl },
        'request failed',
      );
    if (status === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(status).json(body);
  }

  private toAnswer(exception: unknown, request: Request): { status: number; body: object } {
    if (exception instanceof ApiError) {
      return {
        status: exception.status,
        body: { error: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof UseCaseError) {
      return {
        status: REFUSAL_STATUS[exception.kind],
        body: { error: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof DomainError) {
      const details = exception.field
        ? [{ field: exception.field, code: exception.code, message: exception.message }]
        : [];
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { error: exception.code, message: exception.message, details },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message =
        status === 404 ? `no such endpoint: ${request.method} ${request.path}` : exception.message;
      return { status, body: { error: STATUS_CODES[status] ?? 'ERROR', message, details: [] } };
    }
    // body-parser's errors (malformed JSON, body too large) carry their own status.
    const parserStatus = (exception as { status?: number; type?: string }).status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      const type = (exception as { type?: string }).type;
      const message =
        type === 'entity.parse.failed'
          ? 'the request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'the request body is too large'
            : (exception as Error).message;
      return {
        status: parserStatus,
        body: { error: STATUS_CODES[parserStatus] ?? 'BAD_REQUEST', message, details: [] },
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: {
          error: 'SERVICE_UNAVAILABLE',
          message: `a service this request needs is unavailable for a moment; it may or may not have been stored. Send it again in ${RETRY_AFTER_SECONDS} s with the same Idempotency-Key (or the same batch), and it is stored once`,
          details: [],
        },
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'INTERNAL', message: 'an unexpected error occurred; it has been logged', details: [] },
    };
  }
}
