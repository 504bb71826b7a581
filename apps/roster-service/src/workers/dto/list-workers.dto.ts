import { z } from 'zod';

/** `GET /api/v1/projects/{code}/workers?page&pageSize`. */
export const listWorkersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export type ListWorkersQuery = z.infer<typeof listWorkersQuery>;
