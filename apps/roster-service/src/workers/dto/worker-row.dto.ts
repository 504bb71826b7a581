import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty').max(100);

/**
 * One row of `PUT /api/v1/projects/{code}/workers` (and of an imported file): its shape only. The domain's
 * checks (identity number, dates, age, card) follow in `checkWorkerRows`, so every problem of a row is reported.
 */
export const workerRow = z.object({
  idNumber: z.string(),
  name: text,
  phone: z.string().trim().optional(),
  bankCard: z.object({ bankCode: text, cardNumber: z.string() }).optional(),
  team: text.optional(),
  trade: text.optional(),
  entryDate: z.string(),
  exitDate: z.string().optional(),
});

export type WorkerRow = z.infer<typeof workerRow>;

/** The body: the rows stay unchecked here, so a bad row is a 422 with its index rather than a 400. */
export const upsertWorkersBody = z.object({
  workers: z.array(z.unknown()).min(1, 'must list at least one worker'),
});

/** The body as the API documents it: the envelope with its rows' shape. */
export const upsertWorkersDocumented = upsertWorkersBody.extend({ workers: z.array(workerRow).min(1) });
