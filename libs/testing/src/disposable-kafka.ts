import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { testInfra } from './infra';

const run = promisify(execFile);
const INFRA_SCRIPT = resolve(__dirname, '../../../scripts/infra.sh');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A Kafka broker of a test's own that it can stop and start again, to show what happens while Kafka is down
 * without disturbing the broker other test files share. Its address stays the same across restarts.
 */
export interface DisposableKafka {
  brokers: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDisposableKafka(): Promise<DisposableKafka> {
  return testInfra().kind === 'local' ? localBroker() : containerBroker();
}

async function localBroker(): Promise<DisposableKafka> {
  const stateDir = await mkdtemp(join(tmpdir(), 'wage-kafka-'));
  const env = {
    ...process.env,
    INFRA_STATE_DIR: stateDir,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_HEAP: '256m',
  };
  const broker = {
    brokers: [`127.0.0.1:${env.KAFKA_PORT}`],
    start: async () => {
      await run('bash', [INFRA_SCRIPT, 'kafka-up'], { env });
    },
    stop: async () => {
      await run('bash', [INFRA_SCRIPT, 'kafka-down'], { env });
    },
    destroy: async () => {
      await broker.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  await broker.start();
  return broker;
}

async function containerBroker(): Promise<DisposableKafka> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const hostPort = await freePort();
  // A fixed host port, so that a broker started again is found at the same address.
  const create = () =>
    new KafkaContainer('confluentinc/cp-kafka:7.9.0')
      .withKraft()
      .withExposedPorts({ container: 9093, host: hostPort })
      .start();
  let container: Awaited<ReturnType<typeof create>> | undefined = await create();
  return {
    brokers: [`${container.getHost()}:${hostPort}`],
    start: async () => {
      container ??= await create();
    },
    stop: async () => {
      await container?.stop();
      container = undefined;
    },
    destroy: async () => {
      await container?.stop();
      container = undefined;
    },
  };
}
