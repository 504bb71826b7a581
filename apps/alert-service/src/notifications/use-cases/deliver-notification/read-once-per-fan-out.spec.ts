import { fanOutKey, ReadOncePerFanOut } from './read-once-per-fan-out';

describe('ReadOncePerFanOut (the alerts a fan-out is about, read once for all its deliveries)', () => {
  const planned = new Date('2026-12-03T03:00:00.000Z');
  const notification = { alertIds: ['a1'], event: 'alert.raised', reason: 'raised-1', createdAt: planned };

  it('reads once for every delivery of one fan-out, concurrent or not, until the entry expires', async () => {
    let now = 0;
    let reads = 0;
    const memo = new ReadOncePerFanOut<number>(1_000, () => now);
    const load = async () => (reads += 1);
    const key = fanOutKey(notification);
    expect(await Promise.all([memo.read(key, load), memo.read(key, load)])).toEqual([1, 1]);
    now = 999;
    expect(await memo.read(key, load)).toBe(1);
    now = 1_000;
    expect(await memo.read(key, load)).toBe(2);
    expect(memo.size).toBe(1);
  });

  it('tells fan-outs apart by reason, event, alerts and the instant they were planned', () => {
    const keys = new Set([
      fanOutKey(notification),
      fanOutKey({ ...notification, reason: 'severity-RED' }),
      fanOutKey({ ...notification, event: 'alert.updated' }),
      fanOutKey({ ...notification, alertIds: ['a2'] }),
      fanOutKey({ ...notification, createdAt: new Date(planned.getTime() + 1) }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('keeps no failed read: the retry reads again', async () => {
    const memo = new ReadOncePerFanOut<string>(60_000);
    await expect(memo.read('k', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(memo.size).toBe(0);
    await expect(memo.read('k', async () => 'read again')).resolves.toBe('read again');
  });
});
