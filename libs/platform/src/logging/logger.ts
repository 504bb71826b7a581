import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { maskIdentityNumber, redactSensitive } from '@wage/domain';
import { currentRequestContext } from './request-context';

export type { Logger } from 'pino';

/** Fields whose values never reach a log line as they are. */
const SECRET_KEYS = new Set([
  'password',
  'apikey',
  'authorization',
  'token',
  'accesstoken',
  'secret',
  'cookie',
]);
const ID_KEYS = new Set(['idnumber', 'identitynumber']);

function redactValue(key: string, value: unknown, depth: number): unknown {
  const lower = key.toLowerCase();
  if (SECRET_KEYS.has(lower)) return '[REDACTED]';
  if (ID_KEYS.has(lower) && typeof value === 'string') return maskIdentityNumber(value);
  return redactDeep(value, depth + 1);
}

/**
 * Masks identity and card numbers wherever they appear in a log record: under known keys, and inside any string
 * (an error message quoting a row, a URL). Over-masking a log line costs nothing; leaking a number is not undone.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSensitive(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactSensitive(value.message),
      stack: value.stack && redactSensitive(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(key, item, depth);
  return out;
}

export interface LoggerSettings {
  service: string;
  level: string;
  /** Where lines go; stdout by default (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/** JSON lines with the service name, the request id of the request being served, and personal data masked. */
export function createLogger({ service, level, destination }: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    errorKey: 'err',
    mixin: () => {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => redactDeep(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const safe = args.map((arg) => (typeof arg === 'string' ? redactSensitive(arg) : arg));
        return method.apply(this, safe as Parameters<typeof method>);
      },
    },
  };
  // Synchronous writes: a line logged just before the process ends (a crash, SIGTERM re-raised after shutdown) is
  // not lost in a buffer.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
