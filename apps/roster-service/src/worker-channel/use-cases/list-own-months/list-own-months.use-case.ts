import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  attributePayments,
  compareDates,
  dateInShanghai,
  formatYuan,
  wageDeadline,
  type Fen,
  type Month,
  type PayrollPayment,
} from '@wage/domain';
import { Clock } from '@wage/platform';

export interface OwnPayment {
  /** The day the bank paid it, in Shanghai. */
  date: string;
  amount: string;
  /** The card it went to, masked: the worker tells whether it is theirs. */
  card: string | null;
}

export interface OwnMonth {
  projectCode: string;
  projectName: string;
  month: Month;
  daysWorked: number | null;
  /** 应发 and 实发 on the month's pay sheet; null while no sheet names the worker. */
  grossPay: string | null;
  netPay: string | null;
  payments: OwnPayment[];
  paid: string;
  /** What the sheet's net pay still lacks (never below zero); null without a sheet. */
  owed: string | null;
  /** The agreed payday in the following month, moved to the working day before a rest day. */
  dueDate: string;
  overdue: boolean;
  confirmation: { result: 'CONFIRMED' | 'DISPUTED'; reason: string | null; answeredAt: string } | null;
}

interface RollRow {
  worker_id: string;
  project_code: string;
  project_name: string;
  payday: number;
  card_hash: string | null;
}

interface MonthRow {
  worker_id: string;
  month: Month;
  days_worked: number | null;
  gross_pay_fen: string | null;
  net_pay_fen: string | null;
}

interface PaymentRow {
  project_code: string;
  serial_no: string;
  occurred_at: Date;
  amount_fen: string;
  payroll_month: Month | null;
  card_masked: string | null;
}

/**
 * 我的工资: per project and month, what the sheet says the worker earned and what reached their card, with the
 * same attribution of payments to months as the rules engine's (`attributePayments`). Only the session's own
 * identity: every query is by its blind index.
 */
@Injectable()
export class ListOwnMonthsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(idHash: string): Promise<{ items: OwnMonth[] }> {
    const now = this.clock.now();
    const today = this.clock.today();
    const roll: RollRow[] = await this.dataSource.query(
      `SELECT w.id AS worker_id, w.project_code, p.name AS project_name, p.payday, w.card_hash
         FROM roster.workers w JOIN roster.projects p ON p.code = w.project_code
        WHERE w.id_hash = $1 ORDER BY w.project_code`,
      [idHash],
    );
    if (roll.length === 0) return { items: [] };
    const workerIds = roll.map((r) => r.worker_id);
    const [months, payments, confirmations] = await Promise.all([
      this.dataSource.query(
        `SELECT m.worker_id, m.month, a.days_worked, l.gross_pay_fen, l.net_pay_fen
           FROM (SELECT worker_id, project_code, month FROM roster.attendance WHERE worker_id = ANY($1)
                 UNION
                 SELECT worker_id, project_code, month FROM roster.pay_sheet_lines WHERE worker_id = ANY($1)) m
           LEFT JOIN roster.attendance a
             ON (a.project_code, a.month, a.worker_id) = (m.project_code, m.month, m.worker_id)
           LEFT JOIN roster.pay_sheet_lines l
             ON (l.project_code, l.month, l.worker_id) = (m.project_code, m.month, m.worker_id)`,
        [workerIds],
      ) as Promise<MonthRow[]>,
      this.dataSource.query(
        `SELECT t.project_code, t.serial_no, t.occurred_at, t.amount_fen, t.payroll_month, t.card_masked
           FROM roster.worker_payments t
           JOIN unnest($1::text[], $2::text[]) AS w(project_code, card_hash) ON t.project_code = w.project_code
          WHERE t.card_hash = w.card_hash OR t.id_hash = $3`,
        [roll.map((r) => r.project_code), roll.map((r) => r.card_hash), idHash],
      ) as Promise<PaymentRow[]>,
      this.dataSource.query(
        `SELECT worker_id, month, result, reason, answered_at FROM roster.worker_confirmations
          WHERE worker_id = ANY($1)`,
        [workerIds],
      ) as Promise<
        {
          worker_id: string;
          month: Month;
          result: 'CONFIRMED' | 'DISPUTED';
          reason: string | null;
          answered_at: Date;
        }[]
      >,
    ]);

    const items: OwnMonth[] = [];
    for (const entry of roll) {
      const worked = months.filter((m) => m.worker_id === entry.worker_id);
      const paymentsHere = payments.filter((p) => p.project_code === entry.project_code);
      const bySerial = new Map(paymentsHere.map((p) => [p.serial_no, p]));
      const attribution = attributePayments(
        worked.map((m) => ({
          month: m.month,
          netPayFen: m.net_pay_fen === null ? null : Number(m.net_pay_fen),
        })),
        paymentsHere.map((p): PayrollPayment => ({
          serialNo: p.serial_no,
          amountFen: Number(p.amount_fen),
          occurredAt: new Date(p.occurred_at),
          ...(p.payroll_month && { payrollMonth: p.payroll_month }),
        })),
        { asOf: now },
      );
      for (const month of attribution.months) {
        const row = worked.find((m) => m.month === month.month);
        const net: Fen | null = month.netPayFen;
        const owed = net === null ? null : Math.max(0, net - month.paidFen);
        const dueDate = wageDeadline(month.month, { payday: entry.payday, graceDays: 0 }).dueDate;
        const answer = confirmations.find((c) => c.worker_id === entry.worker_id && c.month === month.month);
        items.push({
          projectCode: entry.project_code,
          projectName: entry.project_name,
          month: month.month,
          daysWorked: row?.days_worked ?? null,
          grossPay: row?.gross_pay_fen == null ? null : formatYuan(Number(row.gross_pay_fen)),
          netPay: net === null ? null : formatYuan(net),
          payments: month.payments.map((serial) => {
            const payment = bySerial.get(serial)!;
            return {
              date: dateInShanghai(new Date(payment.occurred_at)),
              amount: formatYuan(Number(payment.amount_fen)),
              card: payment.card_masked,
            };
          }),
          paid: formatYuan(month.paidFen),
          owed: owed === null ? null : formatYuan(owed),
          dueDate,
          overdue: owed !== null && owed > 0 && compareDates(today, dueDate) > 0,
          confirmation: answer
            ? {
                result: answer.result,
                reason: answer.reason,
                answeredAt: new Date(answer.answered_at).toISOString(),
              }
            : null,
        });
      }
    }
    items.sort((a, b) => b.month.localeCompare(a.month) || a.projectCode.localeCompare(b.projectCode));
    return { items };
  }
}
