import { z } from 'zod';
import { gridCodeField } from '../../common/fields';

/**
 * `PATCH /api/v1/projects/{code}` with `gridCode`: places the project in a grid of its district (its site's
 * 街道/乡镇 or 社区/村), moves it, or takes it out of any with null.
 */
export const changeProjectGridBody = z.strictObject({ gridCode: gridCodeField.nullable() });

export type ChangeProjectGridBody = z.infer<typeof changeProjectGridBody>;

/** Whether a PATCH body is about the grid rather than the status. */
export function isGridChange(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'gridCode' in body;
}
