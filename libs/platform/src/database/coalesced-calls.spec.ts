import { CoalescedCalls } from './coalesced-calls';

describe('CoalescedCalls (calls made while a batch is in flight go together)', () => {
  it('runs the calls of one turn as one batch, and those made meanwhile as the next', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const calls = new CoalescedCalls(async (inputs: number[]) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs.map((n) => n * 10);
    });
    const first = [calls.call(1), calls.call(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const later = [calls.call(3), calls.call(4), calls.call(5)];
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('fails every call of a batch that fails, and runs the next batch anyway', async () => {
    let fail = true;
    const calls = new CoalescedCalls(async (inputs: string[]) => {
      if (fail) throw new Error('database away');
      return inputs.map((s) => s.toUpperCase());
    });
    const failed = await Promise.allSettled([calls.call('a'), calls.call('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(calls.call('c')).resolves.toBe('C');
  });

  it('splits at the largest batch', async () => {
    const sizes: number[] = [];
    const calls = new CoalescedCalls(async (inputs: number[]) => {
      sizes.push(inputs.length);
      return inputs;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => calls.call(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('refuses a batch function that answers the wrong number of results', async () => {
    const calls = new CoalescedCalls(async () => [] as number[]);
    await expect(calls.call(1)).rejects.toThrow('a coalesced batch of 1 calls answered 0 results');
  });
});
