import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepositForm } from '@wage/contracts';
import type { Fen } from '@wage/domain';
import { SCHEMA } from '../schema';
import type { DepositMovement, DepositTerms } from './deposit-in-force';

export interface Deposit extends DepositTerms {
  id: string;
  projectCode: string;
  form: DepositForm;
  reference?: string;
  /** The bank that recorded it, or that must confirm a project's declaration; it records the movements. */
  bankCode?: string;
  /** Declared by the project itself rather than recorded by its bank. */
  declaredByProject: boolean;
  /** Recorded or confirmed by the bank: only then does the deposit count. */
  confirmed: boolean;
}

const DEPOSIT_COLUMNS = `id, project_code AS "projectCode", form, amount_fen AS "amountFen",
  to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
  reference, bank_code AS "bankCode", declared_by_project AS "declaredByProject",
  confirmed_at IS NOT NULL AS confirmed`;

type DepositRow = Omit<Deposit, 'amountFen' | 'expiresOn' | 'reference' | 'bankCode'> & {
  amountFen: string;
  expiresOn: string | null;
  reference: string | null;
  bankCode: string | null;
};

function toDeposit(row: DepositRow): Deposit {
  const { amountFen, expiresOn, reference, bankCode, ...rest } = row;
  return {
    ...rest,
    amountFen: Number(amountFen),
    ...(expiresOn !== null ? { expiresOn } : {}),
    ...(reference !== null ? { reference } : {}),
    ...(bankCode !== null ? { bankCode } : {}),
  };
}

/** The `deposits` and `deposit_movements` tables. */
@Injectable()
export class DepositRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, deposit: Deposit): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".deposits (id, project_code, form, amount_fen, effective_on, expires_on, reference, bank_code,
         declared_by_project, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10::boolean THEN now() END)`,
      [
        deposit.id,
        deposit.projectCode,
        deposit.form,
        deposit.amountFen,
        deposit.effectiveOn,
        deposit.expiresOn ?? null,
        deposit.reference ?? null,
        deposit.bankCode ?? null,
        deposit.declaredByProject,
        deposit.confirmed,
      ],
    );
  }

  /** The bank confirms a project's declaration: from now on it counts. */
  async confirm(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE "${SCHEMA}".deposits SET confirmed_at = now() WHERE id = $1`, [id]);
  }

  /** The deposit, locked until the transaction ends so that concurrent movements are checked one after another. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Deposit | undefined> {
    const [row] = await manager.query(
      `SELECT ${DEPOSIT_COLUMNS} FROM "${SCHEMA}".deposits WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toDeposit(row) : undefined;
  }

  async findByProject(projectCode: string): Promise<Deposit[]> {
    const rows: DepositRow[] = await this.dataSource.query(
      `SELECT ${DEPOSIT_COLUMNS} FROM "${SCHEMA}".deposits WHERE project_code = $1 ORDER BY effective_on, recorded_at`,
      [projectCode],
    );
    return rows.map(toDeposit);
  }

  async movementsOf(depositIds: string[], manager: EntityManager = this.dataSource.manager) {
    const rows: { depositId: string; kind: DepositMovement['kind']; amountFen: string; occurredAt: Date }[] =
      await manager.query(
        `SELECT deposit_id AS "depositId", kind, amount_fen AS "amountFen", occurred_at AS "occurredAt"
         FROM "${SCHEMA}".deposit_movements WHERE deposit_id = ANY($1::uuid[]) ORDER BY occurred_at`,
        [depositIds],
      );
    const byDeposit = new Map<string, DepositMovement[]>(depositIds.map((id) => [id, []]));
    for (const { depositId, amountFen, ...movement } of rows) {
      byDeposit.get(depositId)!.push({ ...movement, amountFen: Number(amountFen) as Fen });
    }
    return byDeposit;
  }

  async insertMovement(manager: EntityManager, id: string, depositId: string, movement: DepositMovement) {
    await manager.query(
      `INSERT INTO "${SCHEMA}".deposit_movements (id, deposit_id, kind, amount_fen, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
      [id, depositId, movement.kind, movement.amountFen, movement.occurredAt],
    );
  }
}
