/**
 * Calls that arrive while another batch of them is in flight wait for it and then go together, as one batch: with
 * dozens of deliveries in flight, their reads and writes of one row each become one statement per batch instead of
 * one per delivery (each round trip to the database costs both processes a wake-up). A call made when nothing is in
 * flight waits only for the current turn of the event loop, gathering the calls made in the same turn.
 *
 * `run` gets the batch's inputs and answers one output per input, in order. When it fails, every call of the batch
 * fails with its error.
 */
export class CoalescedCalls<I, O> {
  private readonly waiting: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] =
    [];
  private inFlight = false;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.waiting.length === 0) return;
    this.inFlight = true;
    const batch = this.waiting.splice(0, this.maxBatch);
    try {
      const outputs = await this.run(batch.map((call) => call.input));
      if (outputs.length !== batch.length)
        throw new Error(`a coalesced batch of ${batch.length} calls answered ${outputs.length} results`);
      batch.forEach((call, i) => call.resolve(outputs[i]));
    } catch (error) {
      for (const call of batch) call.reject(error);
    } finally {
      this.inFlight = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}
