import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './disposable-kafka';
import { waitFor } from './wait-for';

const DIST = resolve(__dirname, '../../../dist/apps');

export interface ServiceProcess {
  name: string;
  url: string;
  /** Everything the process wrote (every run of it), for assertions and for failure messages. */
  output(): string;
  /** The operating system's process id of the current run (e.g. to read its memory from /proc). */
  pid(): number | undefined;
  /** Sends SIGTERM and resolves once the process has ended. */
  stop(): Promise<ProcessExit>;
  /**
   * Kills the process without warning (SIGKILL by default), as a crash or the OOM killer would: no shutdown hook
   * runs. Resolves once it has ended.
   */
  kill(signal?: NodeJS.Signals): Promise<ProcessExit>;
  /**
   * Runs the service again after it has ended, on the same port and environment (so whoever holds its URL, e.g.
   * the gateway, reaches the new process), and waits until it is healthy.
   */
  start(): Promise<void>;
}

export interface ServiceProcessOptions {
  /** The port to listen on, e.g. the port of a killed process started again, so its callers need not change. */
  port?: number;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Run {
  pid: number | undefined;
  exited: Promise<ProcessExit>;
  hasExited(): boolean;
  signal(signal: NodeJS.Signals): void;
}

/**
 * Runs a built service (`npm run build` first) as a real process on a free port and waits until its /health
 * answers 200. End-to-end tests drive services this way, exactly as they run in production.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const entry = resolve(DIST, name, 'main.js');
  if (!existsSync(entry))
    throw new Error(`${entry} does not exist: run \`npm run build\` before the end-to-end tests`);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const spawnHealthy = async (): Promise<Run> => {
    const child: ChildProcess = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<ProcessExit>((resolveExit) =>
      child.once('exit', (code, signal) => resolveExit({ code, signal })),
    );
    let hasExited = false;
    void exited.then(() => (hasExited = true));

    const healthy = waitFor(
      async () => (await fetch(`${url}/health`).catch(() => undefined))?.status === 200,
      {
        description: `${name} to become healthy`,
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    );
    const died = exited.then(({ code, signal }) => {
      throw new Error(`${name} exited (code ${code}, signal ${signal}) before it became healthy`);
    });
    try {
      await Promise.race([healthy, died]);
    } catch (error) {
      if (!hasExited) child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${output}`);
    } finally {
      died.catch(() => undefined);
      healthy.catch(() => undefined);
    }
    return {
      pid: child.pid,
      exited,
      hasExited: () => hasExited,
      signal: (signal) => {
        if (!hasExited) child.kill(signal);
      },
    };
  };

  let run = await spawnHealthy();
  const end = (signal: NodeJS.Signals) => {
    run.signal(signal);
    return run.exited;
  };
  return {
    name,
    url,
    output: () => output,
    pid: () => run.pid,
    stop: () => end('SIGTERM'),
    kill: (signal = 'SIGKILL') => end(signal),
    start: async () => {
      if (!run.hasExited())
        throw new Error(`${name} is still running: stop or kill it before starting it again`);
      run = await spawnHealthy();
    },
  };
}
