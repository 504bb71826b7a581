import type { EntityManager } from 'typeorm';
import type { RosterEvent } from '@wage/contracts';
import { lastByKey, queueEvaluations, type ProjectMonth } from './pending-evaluations';

type Of<T extends RosterEvent['type']> = Extract<RosterEvent, { type: T }>;

function ofType<T extends RosterEvent['type']>(events: RosterEvent[], type: T): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type);
}

/** Rolls, attendance and pay sheets, written in bulk; every write is an upsert by its natural key. */
export async function projectRosterEvents(events: RosterEvent[], manager: EntityManager): Promise<void> {
  // Before the roll changes, while the card each worker had is still there to match payments to.
  await queuePaidMonthsOfRollChanges(events, manager);
  await upsertWorkers(events, manager);
  await upsertAttendance(ofType(events, 'AttendanceReported'), manager);
  await storePaySheets(ofType(events, 'PaySheetSubmitted'), manager);
  await storeRevisions(ofType(events, 'PaySheetRevisionSubmitted'), manager);
  await decideRevisions(ofType(events, 'PaySheetRevisionDecided'), manager);
  await storeMonthAnswers(ofType(events, 'WorkerMonthAnswered'), manager);
  const touched: ProjectMonth[] = events.flatMap((e) =>
    e.type === 'AttendanceReported' ||
    e.type === 'PaySheetSubmitted' ||
    e.type === 'PaySheetRevisionSubmitted' ||
    e.type === 'PaySheetRevisionDecided' ||
    e.type === 'WorkerMonthAnswered'
      ? [{ projectCode: e.projectCode, month: e.data.month }]
      : [],
  );
  await queueEvaluations(manager, touched);
}

/**
 * Whether a payroll debit went to a worker on the roll depends on the roll, so a roll change re-evaluates the
 * months of the payroll paid to that worker. Banks' transactions often arrive before the roll (a backlog drained
 * after an outage, one topic consumed ahead of the other): without this a payment judged "not on the roll" would
 * stay so after the worker's enrolment arrived.
 */
async function queuePaidMonthsOfRollChanges(events: RosterEvent[], manager: EntityManager): Promise<void> {
  const changes = events.flatMap((e) =>
    e.type === 'WorkerEnrolled' || e.type === 'WorkerUpdated'
      ? [{ projectCode: e.projectCode, idHash: e.data.idHash, cardHash: e.data.bankCard?.cardHash ?? null }]
      : e.type === 'WorkerExited'
        ? [{ projectCode: e.projectCode, idHash: e.data.idHash, cardHash: null }]
        : [],
  );
  if (changes.length === 0) return;
  const months: ProjectMonth[] = await manager.query(
    // Both the month the money moved and the month it paid for (payrollMonth): a payment is judged in either.
    // By card, then by identity, each one indexed lookup per changed worker (LATERAL … OFFSET 0 keeps PostgreSQL
    // from flattening it into a hash join, which read every project's payroll debits for each chunk of a roll; an
    // OR of the two compared every payroll debit of the project with every changed worker).
    `WITH w AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(project_code, id_hash, card_hash)),
     cards AS (
       SELECT project_code, card_hash AS hash FROM w WHERE card_hash IS NOT NULL
       UNION
       -- The card the roll had for the worker until now: payments to it change verdict too (a card replaced, an exit).
       SELECT r.project_code, r.card_hash FROM w
         JOIN rules.workers r ON r.project_code = w.project_code AND r.id_hash = w.id_hash
        WHERE r.card_hash IS NOT NULL
     ),
     paid AS (
       SELECT t.project_code, t.occurred_at, t.payroll_month FROM cards c
         CROSS JOIN LATERAL (
           SELECT t.project_code, t.occurred_at, t.payroll_month FROM rules.transactions t
            WHERE t.project_code = c.project_code AND t.counterparty_account_hash = c.hash AND t.kind = 'PAYROLL'
           OFFSET 0) t
       UNION ALL
       SELECT t.project_code, t.occurred_at, t.payroll_month FROM w
         CROSS JOIN LATERAL (
           SELECT t.project_code, t.occurred_at, t.payroll_month FROM rules.transactions t
            WHERE t.project_code = w.project_code AND t.counterparty_id_hash = w.id_hash AND t.kind = 'PAYROLL'
           OFFSET 0) t
     )
     SELECT DISTINCT p.project_code AS "projectCode", m.month
       FROM paid p
      CROSS JOIN LATERAL (VALUES (to_char(p.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')),
                                 (p.payroll_month)) AS m(month)
      WHERE m.month IS NOT NULL`,
    [changes.map((c) => c.projectCode), changes.map((c) => c.idHash), changes.map((c) => c.cardHash)],
  );
  await queueEvaluations(manager, months);
}

async function upsertWorkers(events: RosterEvent[], manager: EntityManager): Promise<void> {
  const entries = lastByKey(
    events.flatMap((e) => (e.type === 'WorkerEnrolled' || e.type === 'WorkerUpdated' ? [e] : [])),
    (e) => e.data.workerId,
  );
  if (entries.length > 0) {
    await manager.query(
      `INSERT INTO rules.workers (worker_id, project_code, id_hash, id_masked, name, card_hash, card_masked,
                                  entry_date, exit_date)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::date[], $9::date[])
       ON CONFLICT (worker_id) DO UPDATE SET id_hash = EXCLUDED.id_hash, id_masked = EXCLUDED.id_masked,
         name = EXCLUDED.name, card_hash = EXCLUDED.card_hash, card_masked = EXCLUDED.card_masked,
         entry_date = EXCLUDED.entry_date, exit_date = EXCLUDED.exit_date`,
      [
        entries.map((e) => e.data.workerId),
        entries.map((e) => e.projectCode),
        entries.map((e) => e.data.idHash),
        entries.map((e) => e.data.idMasked),
        entries.map((e) => e.data.name),
        entries.map((e) => e.data.bankCard?.cardHash ?? null),
        entries.map((e) => e.data.bankCard?.cardMasked ?? null),
        entries.map((e) => e.data.entryDate),
        entries.map((e) => e.data.exitDate ?? null),
      ],
    );
  }
  const exits = lastByKey(ofType(events, 'WorkerExited'), (e) => e.data.workerId);
  if (exits.length > 0) {
    await manager.query(
      `UPDATE rules.workers w SET exit_date = x.exit_date
       FROM unnest($1::uuid[], $2::date[]) AS x(worker_id, exit_date) WHERE w.worker_id = x.worker_id`,
      [exits.map((e) => e.data.workerId), exits.map((e) => e.data.exitDate)],
    );
  }
}

/** Each record sets that worker's days for the month; parts need no assembling. */
async function upsertAttendance(events: Of<'AttendanceReported'>[], manager: EntityManager): Promise<void> {
  if (events.length === 0) return;
  const records = lastByKey(
    events.flatMap((e) =>
      e.data.records.map((r) => ({ ...r, projectCode: e.projectCode, month: e.data.month })),
    ),
    (r) => `${r.projectCode}|${r.month}|${r.workerId}`,
  );
  await manager.query(
    `INSERT INTO rules.attendance (project_code, month, worker_id, id_hash, days_worked)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::smallint[])
     ON CONFLICT (project_code, month, worker_id) DO UPDATE
       SET id_hash = EXCLUDED.id_hash, days_worked = EXCLUDED.days_worked`,
    [
      records.map((r) => r.projectCode),
      records.map((r) => r.month),
      records.map((r) => r.workerId),
      records.map((r) => r.idHash),
      records.map((r) => r.daysWorked),
    ],
  );
  await manager.query(
    `INSERT INTO rules.attendance_months (project_code, month, first_reported_at)
     SELECT project_code, month, min(at) FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       AS r(project_code, month, at) GROUP BY project_code, month
     ON CONFLICT (project_code, month) DO UPDATE
       SET first_reported_at = LEAST(rules.attendance_months.first_reported_at, EXCLUDED.first_reported_at)`,
    [events.map((e) => e.projectCode), events.map((e) => e.data.month), events.map((e) => e.occurredAt)],
  );
}

/**
 * Stores every part; a submission becomes the month's sheet once all its parts are in, and only if no later
 * complete submission is already the sheet (parts of two submissions may arrive interleaved).
 */
async function storePaySheets(events: Of<'PaySheetSubmitted'>[], manager: EntityManager): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO rules.pay_sheet_submissions (submission_id, project_code, month, parts, submitted_at)
     SELECT DISTINCT ON (id) * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
       AS s(id, project_code, month, parts, submitted_at)
     ON CONFLICT DO NOTHING`,
    [
      events.map((e) => e.data.submissionId),
      events.map((e) => e.projectCode),
      events.map((e) => e.data.month),
      events.map((e) => e.data.parts),
      events.map((e) => e.occurredAt),
    ],
  );
  await manager.query(
    `INSERT INTO rules.pay_sheet_parts (submission_id, part)
     SELECT * FROM unnest($1::uuid[], $2::int[]) ON CONFLICT DO NOTHING`,
    [events.map((e) => e.data.submissionId), events.map((e) => e.data.part)],
  );
  const lines = lastByKey(
    events.flatMap((e) => e.data.lines.map((line) => ({ ...line, submissionId: e.data.submissionId }))),
    (line) => `${line.submissionId}|${line.workerId}`,
  );
  await manager.query(
    `INSERT INTO rules.pay_sheet_lines (submission_id, worker_id, id_hash, gross_pay_fen, net_pay_fen)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[])
     ON CONFLICT DO NOTHING`,
    [
      lines.map((l) => l.submissionId),
      lines.map((l) => l.workerId),
      lines.map((l) => l.idHash),
      lines.map((l) => l.grossPayFen),
      lines.map((l) => l.netPayFen),
    ],
  );
  await manager.query(
    `INSERT INTO rules.pay_sheets (project_code, month, submission_id, submitted_at, first_submitted_at)
     SELECT DISTINCT ON (s.project_code, s.month) s.project_code, s.month, s.submission_id, s.submitted_at,
            s.submitted_at
     FROM rules.pay_sheet_submissions s
     WHERE s.submission_id = ANY($1::uuid[])
       AND s.parts = (SELECT count(*) FROM rules.pay_sheet_parts p WHERE p.submission_id = s.submission_id)
     ORDER BY s.project_code, s.month, s.submitted_at DESC, s.submission_id DESC
     ON CONFLICT (project_code, month) DO UPDATE
       SET submission_id = EXCLUDED.submission_id, submitted_at = EXCLUDED.submitted_at,
           first_submitted_at = LEAST(rules.pay_sheets.first_submitted_at, EXCLUDED.first_submitted_at)
       WHERE EXCLUDED.submitted_at >= rules.pay_sheets.submitted_at`,
    [events.map((e) => e.data.submissionId)],
  );
}

/** A revision awaiting an inspector: kept for the evidence; the sheet in force is unchanged. */
async function storeRevisions(
  events: Of<'PaySheetRevisionSubmitted'>[],
  manager: EntityManager,
): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO rules.pay_sheet_revisions (revision_id, project_code, month, submitted_at, deadline, totals,
       original_totals, lines_lowered, workers_dropped, lowered)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::date[], $6::jsonb[],
                          $7::jsonb[], $8::int[], $9::int[], $10::jsonb[])
     ON CONFLICT (revision_id) DO NOTHING`,
    [
      events.map((e) => e.data.revisionId),
      events.map((e) => e.projectCode),
      events.map((e) => e.data.month),
      events.map((e) => e.data.submittedAt),
      events.map((e) => e.data.deadline),
      events.map((e) => JSON.stringify(e.data.totals)),
      events.map((e) => JSON.stringify(e.data.originalTotals)),
      events.map((e) => e.data.linesLowered),
      events.map((e) => e.data.workersDropped),
      events.map((e) => JSON.stringify(e.data.lowered)),
    ],
  );
}

/** A revision decided or superseded: no longer pending (an accepted one arrives as the next PaySheetSubmitted). */
async function decideRevisions(
  events: Of<'PaySheetRevisionDecided'>[],
  manager: EntityManager,
): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `UPDATE rules.pay_sheet_revisions r SET decision = d.decision, decided_by = d.decided_by,
       decided_at = d.decided_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])
       AS d(revision_id, decision, decided_by, decided_at)
     WHERE r.revision_id = d.revision_id AND r.decision IS NULL`,
    [
      events.map((e) => e.data.revisionId),
      events.map((e) => e.data.decision),
      events.map((e) => e.data.decidedBy),
      events.map((e) => e.data.decidedAt),
    ],
  );
}

/** The latest answer of each worker per project-month stands; an older one arriving late changes nothing. */
async function storeMonthAnswers(events: Of<'WorkerMonthAnswered'>[], manager: EntityManager): Promise<void> {
  if (events.length === 0) return;
  const answers = lastByKey(events, (e) => `${e.projectCode}|${e.data.month}|${e.data.workerId}`);
  await manager.query(
    `INSERT INTO rules.worker_month_answers (project_code, month, worker_id, id_hash, id_masked, name_masked,
                                             result, reason, answered_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::timestamptz[])
     ON CONFLICT (project_code, month, worker_id) DO UPDATE SET id_hash = EXCLUDED.id_hash,
       id_masked = EXCLUDED.id_masked, name_masked = EXCLUDED.name_masked, result = EXCLUDED.result,
       reason = EXCLUDED.reason, answered_at = EXCLUDED.answered_at
     WHERE EXCLUDED.answered_at >= rules.worker_month_answers.answered_at`,
    [
      answers.map((e) => e.projectCode),
      answers.map((e) => e.data.month),
      answers.map((e) => e.data.workerId),
      answers.map((e) => e.data.idHash),
      answers.map((e) => e.data.idMasked),
      answers.map((e) => e.data.nameMasked),
      answers.map((e) => e.data.result),
      answers.map((e) => e.data.reason ?? null),
      answers.map((e) => e.data.answeredAt),
    ],
  );
}
