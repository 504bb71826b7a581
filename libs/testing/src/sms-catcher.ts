import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A message as the SMS catcher (scripts/sms-catcher.mjs) shows it. */
export interface CaughtSms {
  id: string;
  at: string;
  keyId: string;
  to: string;
  text: string;
}

export interface SmsCatcher {
  /** What a service's `SMS_PROVIDER_URL` is set to. */
  providerUrl: string;
  /** The web page and JSON API. */
  origin: string;
  /** Messages received, newest first; only those to `to` when given. */
  messages(to?: string): Promise<CaughtSms[]>;
  stop(): Promise<void>;
}

const SCRIPT = resolve(__dirname, '../../../scripts/sms-catcher.mjs');

/** Starts the local SMS catcher on a free port; with `secret` it refuses requests not signed with it. */
export async function startSmsCatcher(secret?: string): Promise<SmsCatcher> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, '0'], {
    env: { ...process.env, SMS_API_SECRET: secret ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /web page on (http:\/\/\S+)/.exec(line);
      if (match) resolveOrigin(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the SMS catcher exited (${code})`)));
  });
  return {
    providerUrl: `${origin}/messages`,
    origin,
    async messages(to) {
      const response = await fetch(`${origin}/api/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
      return (await response.json()) as CaughtSms[];
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
