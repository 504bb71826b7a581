import { z } from 'zod';

/** `GET /api/v1/projects/{code}/rights-board`: the paper it is printed on. */
export const rightsBoardQuery = z.object({
  size: z.enum(['A4', 'A3']).default('A4'),
});

export type RightsBoardQuery = z.infer<typeof rightsBoardQuery>;
