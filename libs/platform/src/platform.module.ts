import {
  Inject,
  Injectable,
  Module,
  Optional,
  type Abstract,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AUTH_SETTINGS, AuthGuard } from './auth/auth.guard';
import { Clock, SYSTEM_CLOCK } from './clock/clock';
import { dataSourceOptions } from './database/data-source';
import { BlindIndex, PersonalDataCipher } from './personal-data/personal-data';
import { HealthController } from './health/health.controller';
import { KafkaClient } from './kafka/kafka-client';
import { OutboxRelayService } from './kafka/outbox-relay.service';
import { OutboxWriter } from './kafka/outbox-writer';
import { MetricsController } from './metrics/metrics.controller';
import { PlatformMetrics } from './metrics/platform-metrics';
import { createRedis } from './redis/redis';
import type { ServiceDefinition } from './service-definition';
import { LOGGER, REDIS, SERVICE_DEFINITION } from './tokens';

/** Closes the connections the platform opened, after the app's own shutdown hooks have run. */
@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly kafka?: KafkaClient,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for a reply, which never comes from a Redis that is down: then just drop the connection.
    const closeRedis = this.redis?.status === 'ready' ? this.redis.quit() : this.redis?.disconnect();
    await Promise.allSettled([this.kafka?.close(), closeRedis]);
    this.logger.info('connections closed; shutdown complete');
  }
}

/**
 * Everything a service gets from the platform, wired from its definition: logger, metrics, health, the clock, and —
 * when the definition asks for them — the database (TypeORM), Redis, Kafka, the outbox writer and its relay, the
 * authentication guard (a service provides API_KEY_RESOLVER to accept project and bank keys), and the
 * personal-data cipher and blind index.
 */
@Module({})
export class PlatformModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    const clock = service.clock ?? SYSTEM_CLOCK;
    const providers: Provider[] = [
      { provide: SERVICE_DEFINITION, useValue: service },
      { provide: LOGGER, useValue: logger },
      { provide: PlatformMetrics, useValue: new PlatformMetrics(service.name) },
      { provide: Clock, useValue: clock },
    ];
    const exported: (symbol | Type | Abstract<unknown>)[] = [
      SERVICE_DEFINITION,
      LOGGER,
      PlatformMetrics,
      Clock,
    ];
    const imports: DynamicModule['imports'] = [TerminusModule];

    if (service.database) {
      imports.push(
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            ...service.database,
            applicationName: service.name,
            onConnectionError: (error) =>
              logger.warn({ err: error }, 'a database connection failed; the pool replaces it'),
          }),
          retryAttempts: 5,
          retryDelay: 1_000,
        }),
      );
    }
    if (service.kafka) {
      const kafka = service.kafka;
      providers.push({
        provide: KafkaClient,
        useFactory: () =>
          new KafkaClient({
            brokers: kafka.brokers,
            topicPrefix: kafka.topicPrefix,
            clientId: service.name,
            logger,
          }),
      });
      exported.push(KafkaClient);
    }
    if (service.redisUrl) {
      const url = service.redisUrl;
      providers.push({ provide: REDIS, useFactory: () => createRedis(url, service.name) });
      exported.push(REDIS);
    }
    if (service.outbox) {
      if (!service.database || !service.kafka)
        throw new Error(`${service.name}: the outbox needs a database and Kafka`);
      providers.push(
        { provide: OutboxWriter, useValue: new OutboxWriter(service.database.schema, clock) },
        OutboxRelayService,
      );
      exported.push(OutboxWriter, OutboxRelayService);
    }
    if (service.auth) {
      providers.push(
        { provide: AUTH_SETTINGS, useValue: service.auth },
        { provide: APP_GUARD, useClass: AuthGuard },
      );
    }
    if (service.personalData) {
      const { encryptionKeys, activeKeyId, blindIndexKey } = service.personalData;
      providers.push(
        { provide: PersonalDataCipher, useValue: PersonalDataCipher.fromEnv(encryptionKeys, activeKeyId) },
        { provide: BlindIndex, useValue: new BlindIndex(Buffer.from(blindIndexKey, 'base64')) },
      );
      exported.push(PersonalDataCipher, BlindIndex);
    }
    providers.push(ConnectionCloser);

    return {
      module: PlatformModule,
      global: true,
      imports,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [...exported, ...(service.database ? [TypeOrmModule] : [])],
    };
  }
}
