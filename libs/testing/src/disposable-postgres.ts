import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './disposable-kafka';
import { testInfra } from './infra';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own that it can stop and start again, to show what the services do while the
 * database restarts without touching the server other test files share. Its address and its data stay the same
 * across restarts. `url` is a superuser URL of the server (database `postgres`).
 */
export interface DisposablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDisposablePostgres(): Promise<DisposablePostgres> {
  return testInfra().kind === 'local' ? localPostgres() : containerPostgres();
}

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<major>/bin), or the one on the PATH. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return majors.length > 0 ? join(root, majors[0], 'bin') : '';
}

/** The system's `postgres` account, when this runs as root: initdb and the server refuse to run as root. */
async function serverAccount(): Promise<{ user: string; uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error(
      'running as root, and PostgreSQL refuses to: a `postgres` system account is needed to run a disposable ' +
        'server (it comes with the postgresql package: apt-get install -y postgresql)',
    );
  });
  const gid = await run('id', ['-g', 'postgres']);
  return { user: 'postgres', uid: Number(stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function localPostgres(): Promise<DisposablePostgres> {
  const bin = postgresBin();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const account = await serverAccount();
  // As root, every PostgreSQL tool runs as the `postgres` account, which must own the data directory.
  const asServer = (command: string, args: string[]) =>
    account ? run('runuser', ['-u', account.user, '--', command, ...args]) : run(command, args);

  const dir = await mkdtemp(join(tmpdir(), 'wage-postgres-'));
  const data = join(dir, 'data');
  if (account) await chown(dir, account.uid, account.gid);
  const port = await freePort();
  await asServer(tool('initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  // The socket goes into the test's own directory (the default one may not be writable); durability across an
  // operating-system crash is not what the tests exercise, so fsync is off to keep them quick.
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const server: DisposablePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      await asServer(tool('pg_ctl'), [
        '-D',
        data,
        '-o',
        options,
        '-l',
        join(dir, 'server.log'),
        '-w',
        'start',
      ]);
    },
    // A fast shutdown, as an operator's restart does: sessions are ended, transactions in progress rolled back.
    stop: async () => {
      await asServer(tool('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    destroy: async () => {
      await asServer(tool('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function containerPostgres(): Promise<DisposablePostgres> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const hostPort = await freePort();
  // A fixed host port, and a container that is stopped and started again rather than replaced: the address and
  // the data survive the restart. testcontainers cannot start a stopped container, so the Docker CLI does.
  const container = await new PostgreSqlContainer('postgres:16-alpine')
    .withUsername('postgres')
    .withPassword('postgres')
    .withExposedPorts({ container: 5432, host: hostPort })
    .start();
  const docker = (...args: string[]) => run('docker', args);
  return {
    url: `postgres://postgres:postgres@${container.getHost()}:${hostPort}/postgres`,
    start: async () => {
      await docker('start', container.getId());
      await waitFor(
        () => docker('exec', container.getId(), 'pg_isready', '-U', 'postgres').then(() => true),
        {
          description: 'the PostgreSQL container to accept connections again',
          timeoutMs: 60_000,
          intervalMs: 250,
        },
      );
    },
    stop: async () => {
      await docker('stop', container.getId());
    },
    destroy: async () => {
      await container.stop();
    },
  };
}
