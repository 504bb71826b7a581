/** An answer of the public API that was not what the simulator needed; the message is the platform's own. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  token: string;
  body?: unknown;
  /** A multipart body instead (a file upload); the boundary goes in the content type fetch writes. */
  form?: FormData;
  idempotencyKey?: string;
  /** Also retry a 422 with this error code (an event that has not reached the service yet). */
  retryOnError?: string;
}

const RETRY_FOR_MS = 90_000;

/**
 * The public API through the gateway, as a project's or bank's system calls it: JSON, bearer tokens, an
 * Idempotency-Key on batches so a retried batch is never counted twice, and patience for the gateway's rate limit
 * (429), a service restarting (502–504) and events still on their way (a 422 the caller names).
 */
export class ApiClient {
  /** Requests made, for the progress line. */
  requests = 0;
  /** Every attempt's answer by HTTP status (0: no answer at all), retried ones included. */
  readonly statuses = new Map<number, number>();

  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, path: string, options: CallOptions): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      let status = 0;
      let answer: { error?: string; message?: string } & Record<string, unknown> = {};
      let retryAfterMs = Math.min(5_000, 250 * 2 ** Math.min(attempt, 5));
      try {
        this.requests += 1;
        const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.token}`,
            ...(options.body !== undefined && { 'content-type': 'application/json' }),
            ...(options.idempotencyKey !== undefined && { 'idempotency-key': options.idempotencyKey }),
          },
          ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
          ...(options.form !== undefined && { body: options.form }),
        });
        status = response.status;
        this.count(status);
        const text = await response.text();
        answer = text ? (JSON.parse(text) as typeof answer) : {};
        if (status < 300) return answer as T;
        const retryAfter = Number(response.headers.get('retry-after'));
        if (retryAfter > 0) retryAfterMs = retryAfter * 1000;
      } catch (error) {
        answer = { error: 'NETWORK', message: (error as Error).message };
        if (status === 0) this.count(0);
      }
      const transient =
        status === 0 ||
        status === 429 ||
        status >= 502 ||
        (status === 422 && options.retryOnError !== undefined && answer.error === options.retryOnError);
      if (!transient || Date.now() - started > RETRY_FOR_MS) {
        const details = Array.isArray(answer.details) ? ` ${JSON.stringify(answer.details.slice(0, 3))}` : '';
        throw new ApiCallError(
          status,
          String(answer.error ?? 'UNKNOWN'),
          `${method} /api/v1${path} answered ${status} ${answer.error ?? ''}: ${answer.message ?? ''}${details}`,
        );
      }
      await sleep(retryAfterMs);
    }
  }

  private count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
