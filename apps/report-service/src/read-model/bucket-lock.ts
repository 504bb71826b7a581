import type { EntityManager } from 'typeorm';

export interface Bucket {
  regionCode: string;
  month: string;
}

/**
 * Takes a transaction lock on each (region, month) an aggregate is about to be recomputed for, in one sorted
 * order so two consumers cannot deadlock. Without it, two instances recomputing the same bucket at once could
 * each miss the other's uncommitted rows and leave a stale sum. Returns the buckets, deduplicated.
 */
export async function lockBuckets(
  manager: EntityManager,
  aggregate: string,
  buckets: readonly Bucket[],
): Promise<Bucket[]> {
  const unique = new Map(buckets.map((b) => [`${b.regionCode}:${b.month}`, b]));
  const keys = [...unique.keys()].sort();
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || key, 0))
     FROM unnest($2::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n`,
    [aggregate, keys],
  );
  return keys.map((key) => unique.get(key)!);
}
