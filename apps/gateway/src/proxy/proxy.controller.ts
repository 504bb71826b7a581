import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, SERVICE_DEFINITION } from '@wage/platform';
import type { GatewayDefinition } from '../config/env';
import { API_PREFIX, ROUTES, serviceFor } from '../routing/routes';
import { bodyLimitFor, refuseTooLarge, UpstreamProxy } from './upstream-proxy';

/** Every /api/v1 request goes to the service that owns its first path segment, path and query unchanged. */
@Controller()
export class ProxyController {
  constructor(
    private readonly proxy: UpstreamProxy,
    @Inject(SERVICE_DEFINITION) private readonly service: GatewayDefinition,
  ) {}

  @All([API_PREFIX.slice(1), `${API_PREFIX.slice(1)}/*path`])
  forward(@Req() req: Request, @Res() res: Response): void {
    const service = serviceFor(req.originalUrl);
    if (service === null) {
      throw ApiError.notFound(
        `no endpoint ${req.method} ${req.path}; the API serves ${Object.keys(ROUTES)
          .map((segment) => `${API_PREFIX}/${segment}`)
          .join(', ')}`,
      );
    }
    const limit = bodyLimitFor(req, this.service.gateway.maxBodyBytes);
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > limit.bytes) {
      refuseTooLarge(res, limit);
      return;
    }
    this.proxy.forward(service, req, res, limit);
  }
}
