import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeBody } from '../../apps/alert-service/src/testing/mail-body';

/** How long a receiver keeps each message before it accepts it: long enough for deliveries to be in flight. */
const SLOW_MS = 150;

/**
 * Decides when the slow receivers accept what they hold. Open: each message after SLOW_MS. Held: nothing is
 * accepted until the gate opens again, so a test can kill or cut off the sender while messages are in flight and
 * know that none of them was accepted. A message whose sender hangs up first is dropped, never accepted, as a
 * real SMTP server or web server does with a request it could not answer.
 */
export class Gate {
  /** Messages waiting for acceptance right now. */
  inFlight = 0;
  /** Messages whose sender went away before they were accepted. */
  dropped = 0;
  private holding = false;
  private waiters = new Set<() => void>();

  hold(): void {
    this.holding = true;
  }

  open(): void {
    this.holding = false;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves true when the message is to be accepted, false when its sender hung up before that. */
  async pass(hungUp: { done: boolean; promise: Promise<void> }): Promise<boolean> {
    this.inFlight += 1;
    try {
      const accepted = (async () => {
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        while (this.holding) await new Promise<void>((wake) => this.waiters.add(wake));
        return true;
      })();
      const verdict = await Promise.race([accepted, hungUp.promise.then(() => false)]);
      if (!verdict || hungUp.done) {
        this.dropped += 1;
        return false;
      }
      return true;
    } finally {
      this.inFlight -= 1;
    }
  }
}

function hangUpSignal() {
  const signal = { done: false, promise: Promise.resolve(), fire: () => undefined as void };
  signal.promise = new Promise<void>((resolve) => {
    signal.fire = () => {
      signal.done = true;
      resolve();
    };
  });
  return signal;
}

export interface Delivery {
  channel: 'EMAIL' | 'WEBHOOK';
  /** The e-mail address, or the webhook path (one per person). */
  recipient: string;
  alertId: string;
}

export interface SlowReceivers {
  smtpUrl: string;
  webhookUrl(path: string): string;
  /** Every message accepted, in order. */
  accepted: Delivery[];
  close(): Promise<void>;
}

/** A real SMTP server and a real webhook receiver that accept through `gate`. */
export async function startSlowReceivers(gate: Gate): Promise<SlowReceivers> {
  const accepted: Delivery[] = [];
  const sessions = new Map<string, ReturnType<typeof hangUpSignal>>();
  const sessionSignal = (id: string) => {
    let signal = sessions.get(id);
    if (!signal) sessions.set(id, (signal = hangUpSignal()));
    return signal;
  };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose(session) {
      sessionSignal(session.id).fire();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void gate.pass(sessionSignal(session.id)).then((ok) => {
          if (!ok) return;
          const text = decodeBody(Buffer.concat(chunks).toString('utf8'));
          const alertId = /\/alerts\/([0-9a-f-]{36})/.exec(text)?.[1] ?? 'unknown';
          for (const to of session.envelope.rcptTo)
            accepted.push({ channel: 'EMAIL', recipient: to.address, alertId });
          callback();
        });
      });
    },
  });
  // A sender killed mid-session (the alert-service kill test) resets its connection; smtp-server emits that on the
  // server, and an unheard 'error' would end the test process ("read ECONNRESET").
  smtp.on('error', () => undefined);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const hooks = createServer((req, res) => {
    const signal = hangUpSignal();
    res.on('close', () => signal.fire());
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void gate.pass(signal).then((ok) => {
        if (!ok) return;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { alert?: { id?: string } };
        accepted.push({ channel: 'WEBHOOK', recipient: req.url ?? '', alertId: body.alert?.id ?? 'unknown' });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  const hookPort = (hooks.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webhookUrl: (path) => `http://127.0.0.1:${hookPort}${path}`,
    accepted,
    close: async () => {
      gate.open();
      hooks.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => hooks.close(() => resolve())),
      ]);
    },
  };
}
