import { execFileSync } from 'node:child_process';
import { Socket } from 'node:net';

/** Where the tests' PostgreSQL, Redis and Kafka are; handed from the global setup to every test file. */
export interface TestInfra {
  kind: 'containers' | 'local';
  /** A superuser URL of the server (database `postgres`), used to create and drop databases. */
  postgresUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
}

const ENV = {
  kind: 'TEST_INFRA',
  postgres: 'TEST_POSTGRES_URL',
  redis: 'TEST_REDIS_URL',
  kafka: 'TEST_KAFKA_BROKERS',
} as const;

export const LOCAL_INFRA: TestInfra = {
  kind: 'local',
  postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: 'redis://127.0.0.1:6379',
  kafkaBrokers: ['127.0.0.1:9092'],
};

export function publishInfra(infra: TestInfra): void {
  process.env[ENV.kind] = infra.kind;
  process.env[ENV.postgres] = infra.postgresUrl;
  process.env[ENV.redis] = infra.redisUrl;
  process.env[ENV.kafka] = infra.kafkaBrokers.join(',');
}

/** The infrastructure the global setup chose; fails clearly when a test runs without the global setup. */
export function testInfra(): TestInfra {
  const kind = process.env[ENV.kind];
  const postgresUrl = process.env[ENV.postgres];
  const redisUrl = process.env[ENV.redis];
  const kafka = process.env[ENV.kafka];
  if ((kind !== 'containers' && kind !== 'local') || !postgresUrl || !redisUrl || !kafka) {
    throw new Error(
      'test infrastructure is not set up: run tests through jest (npm test), whose global setup provides it',
    );
  }
  return { kind, postgresUrl, redisUrl, kafkaBrokers: kafka.split(',') };
}

export function portAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** True when a Docker (or compatible) engine answers, so testcontainers can be used. */
export function containerRuntimeAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
