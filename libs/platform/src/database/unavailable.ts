/** PostgreSQL's "the server is going away or not there": connection failures, admin shutdown, starting up. */
const DATABASE_UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);
const DATABASE_UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection refused/i;

/**
 * Whether a failure is the database (or another connection the work needs) being briefly unavailable — a restart,
 * a failover — rather than a fault of the request, the event or the code. Its outcome may be unknown (a COMMIT cut
 * off), so whoever handles it retries idempotently rather than reporting or discarding anything.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const { code, message } = (exception ?? {}) as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && DATABASE_UNAVAILABLE_CODES.has(code)) ||
    (typeof message === 'string' && DATABASE_UNAVAILABLE_MESSAGES.test(message))
  );
}
