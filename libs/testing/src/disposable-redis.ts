import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './disposable-kafka';
import { testInfra } from './infra';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/**
 * A Redis server of a test's own that it can stop and start again, without touching the one other test files
 * share. Its address stays the same across restarts, and so does its data: it keeps an append-only file, as a
 * production Redis for BullMQ does, so jobs queued before a restart are still there after it.
 */
export interface DisposableRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDisposableRedis(): Promise<DisposableRedis> {
  return testInfra().kind === 'local' ? localRedis() : containerRedis();
}

/** True when Redis at host:port answers PING with PONG (not LOADING, while it still replays its file). */
export function redisAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
    socket.connect(port, host, () => socket.write('PING\r\n'));
  });
}

async function localRedis(): Promise<DisposableRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'wage-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const server: DisposableRedis = {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      if (child) return;
      const started = spawn(
        'redis-server',
        [
          '--bind',
          '127.0.0.1',
          '--port',
          String(port),
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          // What BullMQ requires of a production Redis.
          '--maxmemory-policy',
          'noeviction',
        ],
        { stdio: 'ignore' },
      );
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      const failed = new Promise<never>((_, reject) => {
        started.once('error', (error) =>
          reject(new Error(`could not run redis-server (apt-get install -y redis-server): ${error.message}`)),
        );
        void exited.then(() => reject(new Error('redis-server exited before it answered')));
      });
      failed.catch(() => undefined);
      await Promise.race([
        waitFor(() => redisAnswers('127.0.0.1', port), {
          description: `the disposable Redis on port ${port} to answer`,
          timeoutMs: 20_000,
        }),
        failed,
      ]);
    },
    // SIGTERM is Redis's orderly shutdown: the append-only file is flushed, then the server exits.
    stop: async () => {
      if (!child) return;
      child.kill('SIGTERM');
      await exited;
      child = undefined;
    },
    destroy: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function containerRedis(): Promise<DisposableRedis> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const hostPort = await freePort();
  // A fixed host port, and a container stopped and started again rather than replaced, so the address and the
  // append-only file survive; testcontainers cannot start a stopped container, so the Docker CLI does.
  const container = await new GenericContainer('redis:7-alpine')
    .withCommand(['redis-server', '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''])
    .withExposedPorts({ container: 6379, host: hostPort })
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  const host = container.getHost();
  const docker = (...args: string[]) => run('docker', args);
  return {
    url: `redis://${host}:${hostPort}`,
    start: async () => {
      await docker('start', container.getId());
      await waitFor(() => redisAnswers(host, hostPort), {
        description: 'the Redis container to answer again',
        timeoutMs: 30_000,
      });
    },
    stop: async () => {
      await docker('stop', container.getId());
    },
    destroy: async () => {
      await container.stop();
    },
  };
}
