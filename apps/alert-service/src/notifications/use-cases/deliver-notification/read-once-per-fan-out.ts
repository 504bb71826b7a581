/**
 * What every delivery of one fan-out reads alike — the alerts a notification is about and the first one's history —
 * read once for all of them rather than once per recipient: a raised alert goes to hundreds of inspectors at once.
 *
 * A fan-out is the notifications planned together: the same alerts, event and reason, inserted in one statement (so
 * with one `createdAt`). Its recipients all get the alert as it was when the first of their deliveries read it; a
 * later change of the alert is a fan-out of its own (another reason, another `createdAt`) and reads it afresh. An
 * entry is forgotten `ttlMs` after it was read, and at once when the read fails (the retry reads again).
 */
export class ReadOncePerFanOut<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  read(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.value;
    this.forgetExpired(now);
    const value = load();
    this.entries.set(key, { value, until: now + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}

/** The key of a fan-out: its notifications share the alerts, event, reason and the instant they were planned. */
export function fanOutKey(notification: {
  alertIds: readonly string[];
  event: string;
  reason: string;
  createdAt: Date;
}): string {
  return [
    new Date(notification.createdAt).toISOString(),
    notification.event,
    notification.reason,
    notification.alertIds.join(','),
  ].join('|');
}
