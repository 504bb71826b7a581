import type { EntityManager } from 'typeorm';
import type { AccountEvent } from '@wage/contracts';
import { monthOf, monthRange, nextMonth, previousMonth, type Month } from '@wage/domain';
import { lastByKey, queueEvaluations, type ProjectMonth } from './pending-evaluations';

type Of<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>;

function ofType<T extends AccountEvent['type']>(events: AccountEvent[], type: T): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type);
}

/**
 * Accounts, transactions and deposits, written in bulk. A transaction is stored once per (account, serial): a
 * second event for the same serial changes nothing; a cash withdrawal or a fee may have no counterparty account
 * (null columns). An account's statement of completeness only moves forward. `now` dates what has no date of
 * its own (an account opened is evaluated in the current month).
 */
export async function projectAccountEvents(
  events: AccountEvent[],
  manager: EntityManager,
  now: Date,
): Promise<void> {
  const opened = lastByKey(ofType(events, 'WageAccountOpened'), (e) => e.data.accountNumber);
  if (opened.length > 0) {
    await manager.query(
      `INSERT INTO rules.accounts (account_number, project_code, bank_code, opened_on)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[])
       ON CONFLICT (account_number) DO UPDATE SET project_code = EXCLUDED.project_code,
         bank_code = EXCLUDED.bank_code, opened_on = EXCLUDED.opened_on`,
      [
        opened.map((e) => e.data.accountNumber),
        opened.map((e) => e.data.projectCode),
        opened.map((e) => e.data.bankCode),
        opened.map((e) => e.data.openedOn),
      ],
    );
  }
  const transactions = ofType(events, 'TransactionRecorded');
  if (transactions.length > 0) {
    const rows = transactions.map((e) => ({ projectCode: e.projectCode, ...e.data }));
    await manager.query(
      `INSERT INTO rules.transactions (account_number, serial_no, project_code, occurred_at, direction, kind,
         amount_fen, payroll_month, counterparty_name, counterparty_account_hash, counterparty_account_masked,
         counterparty_id_hash, counterparty_id_masked)
       SELECT DISTINCT ON (account_number, serial_no) *
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::bigint[],
                   $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(account_number, serial_no, project_code, occurred_at, direction, kind, amount_fen, payroll_month,
              counterparty_name, counterparty_account_hash, counterparty_account_masked, counterparty_id_hash,
              counterparty_id_masked)
       ON CONFLICT (account_number, serial_no) DO NOTHING`,
      [
        rows.map((t) => t.accountNumber),
        rows.map((t) => t.serialNo),
        rows.map((t) => t.projectCode),
        rows.map((t) => t.occurredAt),
        rows.map((t) => t.direction),
        rows.map((t) => t.kind),
        rows.map((t) => t.amountFen),
        rows.map((t) => t.payrollMonth ?? null),
        rows.map((t) => t.counterparty.name),
        rows.map((t) => t.counterparty.accountHash ?? null),
        rows.map((t) => t.counterparty.accountMasked ?? null),
        rows.map((t) => t.counterparty.idHash ?? null),
        rows.map((t) => t.counterparty.idMasked ?? null),
      ],
    );
  }
  const deposits = lastByKey(ofType(events, 'DepositRecorded'), (e) => e.data.depositId);
  if (deposits.length > 0) {
    await manager.query(
      `INSERT INTO rules.deposits (deposit_id, project_code, form, amount_fen, effective_on, expires_on, reference)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::date[], $6::date[], $7::text[])
       ON CONFLICT (deposit_id) DO UPDATE SET project_code = EXCLUDED.project_code, form = EXCLUDED.form,
         amount_fen = EXCLUDED.amount_fen, effective_on = EXCLUDED.effective_on,
         expires_on = EXCLUDED.expires_on, reference = EXCLUDED.reference`,
      [
        deposits.map((e) => e.data.depositId),
        deposits.map((e) => e.data.projectCode),
        deposits.map((e) => e.data.form),
        deposits.map((e) => e.data.amountFen),
        deposits.map((e) => e.data.effectiveOn),
        deposits.map((e) => e.data.expiresOn ?? null),
        deposits.map((e) => e.data.reference ?? null),
      ],
    );
  }
  const movements = ofType(events, 'DepositMovementRecorded');
  if (movements.length > 0) {
    await manager.query(
      `INSERT INTO rules.deposit_movements (event_id, deposit_id, kind, amount_fen, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        movements.map((e) => e.id),
        movements.map((e) => e.data.depositId),
        movements.map((e) => e.data.kind),
        movements.map((e) => e.data.amountFen),
        movements.map((e) => e.data.occurredAt),
      ],
    );
  }
  const statements = ofType(events, 'AccountStatementReported');
  const completed = statements.length > 0 ? await projectStatements(statements, manager) : [];
  await queueEvaluations(manager, [...affectedMonths(events, now), ...completed]);
}

/**
 * Moves each account's `statement_through` forward, never back, and returns the project-months whose
 * completeness advanced. An account the read model does not have is an error (its WageAccountOpened comes first
 * in the project's partition), so the event is retried and then dead-lettered with the reason, not lost.
 */
async function projectStatements(
  statements: Of<'AccountStatementReported'>[],
  manager: EntityManager,
): Promise<ProjectMonth[]> {
  // An UPDATE answers [rows, affected] through TypeORM.
  const [moved]: [
    { accountNumber: string; projectCode: string; before: Date | null; after: Date }[],
    number,
  ] = await manager.query(
    `WITH stated AS (
       SELECT account_number, max(through) AS through
       FROM unnest($1::text[], $2::timestamptz[]) AS s(account_number, through) GROUP BY account_number
     )
     UPDATE rules.accounts a
     SET statement_through = GREATEST(coalesce(a.statement_through, s.through), s.through)
     FROM stated s, rules.accounts b
     WHERE a.account_number = s.account_number AND b.account_number = a.account_number
     RETURNING a.account_number AS "accountNumber", a.project_code AS "projectCode",
       b.statement_through AS before, a.statement_through AS after`,
    [statements.map((e) => e.data.accountNumber), statements.map((e) => e.data.statementThrough)],
  );
  const known = new Set(moved.map((row) => row.accountNumber));
  const unknown = [...new Set(statements.map((e) => e.data.accountNumber))].filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(
      `AccountStatementReported for account ${unknown.join(', ')}, which the read model does not have: ` +
        'its WageAccountOpened was not consumed before it',
    );
  }
  return moved
    .filter((row) => row.before === null || row.before.getTime() < row.after.getTime())
    .flatMap((row) =>
      monthsCompletedBy(row.before, row.after).map((month) => ({ projectCode: row.projectCode, month })),
    );
}

/**
 * The months whose verdicts a newer statement can change: from the month of the previous statement (or, at the
 * first one, two months before the new one) through the month of the new one, and the month after it, whose
 * deadlines may now be judged on complete data.
 */
function monthsCompletedBy(before: Date | null, after: Date): Month[] {
  const to = monthOf(after);
  const from = before === null ? previousMonth(previousMonth(to)) : monthOf(before);
  return [...monthRange(from, to), nextMonth(to)];
}

/**
 * What an account event can change: the month a transaction happened in (appropriations, diversions, balance),
 * the month a payroll payment pays (its payrollMonth, or by date an earlier month still owed: the month before
 * is the usual one), and the project-wide rules, evaluated with any month.
 */
function affectedMonths(events: AccountEvent[], now: Date): ProjectMonth[] {
  return events.flatMap((e): ProjectMonth[] => {
    const project = e.projectCode;
    switch (e.type) {
      case 'TransactionRecorded': {
        const month = monthOf(new Date(e.data.occurredAt));
        const months = [month, previousMonth(month)];
        if (e.data.payrollMonth) months.push(e.data.payrollMonth);
        return months.map((m) => ({ projectCode: project, month: m }));
      }
      case 'WageAccountOpened':
        return [{ projectCode: project, month: monthOf(now) }];
      case 'AccountStatementReported':
        return []; // queued by projectStatements, only where completeness advanced
      default:
        return [{ projectCode: project, month: monthOf(new Date(e.occurredAt)) }];
    }
  });
}
