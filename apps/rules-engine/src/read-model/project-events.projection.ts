import type { EntityManager } from 'typeorm';
import type { ProjectEvent } from '@wage/contracts';
import { dateInShanghai } from '@wage/domain';
import { lastByKey } from './pending-evaluations';

/** Projects and their status history (for suppression and the monthly assessment). */
export async function projectProjectEvents(events: ProjectEvent[], manager: EntityManager): Promise<void> {
  const registered = lastByKey(
    events.flatMap((e) => (e.type === 'ProjectRegistered' ? [e] : [])),
    (e) => e.data.code,
  );
  if (registered.length > 0) {
    await manager.query(
      `INSERT INTO rules.projects (code, name, region_code, contractor_credit_code, contract_amount_fen,
                                   start_date, payday, registered_at, grid_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::date[],
                            $7::smallint[], $8::timestamptz[], $9::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
         grid_code = EXCLUDED.grid_code,
         contractor_credit_code = EXCLUDED.contractor_credit_code,
         contract_amount_fen = EXCLUDED.contract_amount_fen, start_date = EXCLUDED.start_date,
         payday = EXCLUDED.payday`,
      [
        registered.map((e) => e.data.code),
        registered.map((e) => e.data.name),
        registered.map((e) => e.data.regionCode),
        registered.map((e) => e.data.contractor.creditCode),
        registered.map((e) => e.data.contractAmountFen),
        registered.map((e) => e.data.startDate),
        registered.map((e) => e.data.payday),
        registered.map((e) => e.occurredAt),
        registered.map((e) => e.data.gridCode ?? null),
      ],
    );
  }
  // The grid a project is placed in travels on its alerts and assessments from their next evaluation on.
  const placed = lastByKey(
    events.flatMap((e) => (e.type === 'ProjectGridChanged' ? [e] : [])),
    (e) => e.data.code,
  );
  if (placed.length > 0) {
    await manager.query(
      `UPDATE rules.projects p SET grid_code = g.grid_code
       FROM unnest($1::text[], $2::text[]) AS g(code, grid_code) WHERE p.code = g.code`,
      [placed.map((e) => e.data.code), placed.map((e) => e.data.gridCode)],
    );
  }
  // The registered status holds from the start date (or the registration, if that is earlier).
  const changes = events.flatMap((e) =>
    e.type === 'ProjectGridChanged'
      ? []
      : e.type === 'ProjectRegistered'
        ? {
            code: e.data.code,
            status: e.data.status,
            effectiveDate: [e.data.startDate, dateInShanghai(new Date(e.occurredAt))].sort()[0],
            recordedAt: e.occurredAt,
          }
        : {
            code: e.data.code,
            status: e.data.status,
            effectiveDate: e.data.effectiveDate,
            recordedAt: e.occurredAt,
          },
  );
  if (changes.length > 0) {
    await manager.query(
      `INSERT INTO rules.project_status_changes (project_code, effective_date, status, recorded_at)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        changes.map((c) => c.code),
        changes.map((c) => c.effectiveDate),
        changes.map((c) => c.status),
        changes.map((c) => c.recordedAt),
      ],
    );
  }
}
