import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import type { GatewayDefinition } from './config/env';
import { earlyMiddleware, RootController } from './console/console';
import { DocsController } from './docs/docs.controller';
import { UpstreamDocuments } from './docs/upstream-documents';
import { UpstreamsHealthController } from './health/upstreams.controller';
import { ProxyController } from './proxy/proxy.controller';
import { UpstreamProxy } from './proxy/upstream-proxy';
import { GatewayThrottlerGuard } from './rate-limit/gateway-throttler.guard';

/** gateway: the one public entry; routes /api/v1/* to the services, serves the web console and /api/docs. */
@Module({})
export class AppModule {
  static forRoot(service: GatewayDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: service.gateway.rateLimitPerMinute }],
        }),
      ],
      controllers: [UpstreamsHealthController, DocsController, RootController, ProxyController],
      providers: [
        earlyMiddleware,
        UpstreamProxy,
        UpstreamDocuments,
        { provide: APP_GUARD, useClass: GatewayThrottlerGuard },
      ],
    };
  }
}
