import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { ApiError } from '@wage/platform';
import { API_PREFIX } from '../routing/routes';

/**
 * Limits /api/v1 requests per client address (the socket's: a load balancer in front must be trusted
 * explicitly before X-Forwarded-For may be believed). Health, metrics and the console are never limited, so
 * probes keep working under load. Counts are per gateway instance.
 */
@Injectable()
export class GatewayThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    return Promise.resolve(!req.originalUrl.startsWith(`${API_PREFIX}/`) && req.originalUrl !== API_PREFIX);
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ApiError(
      429,
      'TOO_MANY_REQUESTS',
      `more than ${detail.limit} requests in ${Math.round(detail.ttl / 1000)} s from this address; wait ${detail.timeToBlockExpire} s (Retry-After) and try again`,
    );
  }
}
