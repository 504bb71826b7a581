import type { EntityManager } from 'typeorm';
import type { AccountEvent } from '@wage/contracts';
import { monthOf, previousMonth } from '@wage/domain';
import { lastByKey, queueEvaluations, type ProjectMonth } from './pending-evaluations';

type Of<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>;

function ofType<T extends AccountEvent['type']>(events: AccountEvent[], type: T): Of<T>[] {
  return events.filter((e): e is Of<T> => e.type === type);
}

/**
 * Accounts, transactions and deposits, written in bulk. A transaction is stored once per (account, serial): a
 * second event for the same serial changes nothing.
 */
export async function projectAccountEvents(events: AccountEvent[], manager: EntityManager): Promise<void> {
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
        rows.map((t) => t.counterparty.accountHash),
        rows.map((t) => t.counterparty.accountMasked),
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
  await queueEvaluations(manager, affectedMonths(events));
}

/**
 * What an account event can change: the month a transaction happened in (appropriations, diversions, balance),
 * the month a payroll payment pays (its payrollMonth, or by date an earlier month still owed: the month before
 * is the usual one), and the project-wide rules, evaluated with any month.
 */
function affectedMonths(events: AccountEvent[]): ProjectMonth[] {
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
        return [{ projectCode: project, month: monthOf(new Date()) }];
      default:
        return [{ projectCode: project, month: monthOf(new Date(e.occurredAt)) }];
    }
  });
}
