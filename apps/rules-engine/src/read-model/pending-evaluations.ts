import type { EntityManager } from 'typeorm';

export interface ProjectMonth {
  projectCode: string;
  month: string;
}

/**
 * Marks project-months whose facts changed, in the consuming transaction: the evaluation worker picks them up
 * only once that transaction has committed, and a crash in between loses nothing. Queuing again a project-month
 * being evaluated does not wait for that evaluation: it lifts the evaluation's claim and changes `queued_at`, so
 * the project-month stays queued and is evaluated again, and no change is missed.
 */
export async function queueEvaluations(
  manager: EntityManager,
  pairs: readonly ProjectMonth[],
): Promise<void> {
  if (pairs.length === 0) return;
  await manager.query(
    `INSERT INTO rules.pending_evaluations (project_code, month, queued_at)
     SELECT p, m, clock_timestamp() FROM (SELECT DISTINCT p, m FROM unnest($1::text[], $2::text[]) AS q(p, m)) d
     ON CONFLICT (project_code, month) DO UPDATE SET queued_at = clock_timestamp(), claimed_until = NULL`,
    [pairs.map((p) => p.projectCode), pairs.map((p) => p.month)],
  );
}

/** The last occurrence of each key, in order: a batch may carry several versions of one row. */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    byKey.delete(k);
    byKey.set(k, item);
  }
  return [...byKey.values()];
}
