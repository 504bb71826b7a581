import { KafkaContainer, type StartedKafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer, type StartedRedisContainer } from '@testcontainers/redis';
import type { TestInfra } from './infra';

export interface StartedContainers {
  infra: TestInfra;
  stop(): Promise<void>;
}

/** PostgreSQL, Redis and a KRaft Kafka in containers, for machines with a Docker engine. */
export async function startContainers(): Promise<StartedContainers> {
  const [postgres, redis, kafka]: [StartedPostgreSqlContainer, StartedRedisContainer, StartedKafkaContainer] =
    await Promise.all([
      new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start(),
      new RedisContainer('redis:7-alpine').start(),
      new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    ]);
  const postgresUrl = `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getPort()}/postgres`;
  return {
    infra: {
      kind: 'containers',
      postgresUrl,
      redisUrl: `redis://${redis.getHost()}:${redis.getPort()}`,
      kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    },
    stop: async () => {
      await Promise.allSettled([postgres.stop(), redis.stop(), kafka.stop()]);
    },
  };
}
