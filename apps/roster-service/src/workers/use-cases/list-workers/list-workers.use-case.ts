import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ListWorkersQuery } from '../../dto/list-workers.dto';

/** A roll entry as answered: masked numbers only, the encrypted originals are never decrypted for a list. */
export interface WorkerView {
  workerId: string;
  name: string;
  idMasked: string;
  phoneMasked?: string;
  bankCard?: { bankCode: string; cardMasked: string };
  team?: string;
  trade?: string;
  entryDate: string;
  exitDate?: string;
}

interface WorkerListRow {
  workerId: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  bankCode: string | null;
  cardMasked: string | null;
  team: string | null;
  trade: string | null;
  entryDate: string;
  exitDate: string | null;
  total: number;
}

/** One page of a project's roll, in order of entry. */
@Injectable()
export class ListWorkersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(projectCode: string, { page, pageSize }: ListWorkersQuery) {
    const rows: WorkerListRow[] = await this.dataSource.query(
      `SELECT id AS "workerId", name, id_masked AS "idMasked", phone_masked AS "phoneMasked",
         bank_code AS "bankCode", card_masked AS "cardMasked", team, trade, entry_date::text AS "entryDate",
         exit_date::text AS "exitDate", count(*) OVER ()::int AS total
       FROM roster.workers WHERE project_code = $1
       ORDER BY entry_date, created_at, id LIMIT $2 OFFSET $3`,
      [projectCode, pageSize, (page - 1) * pageSize],
    );
    const total =
      rows[0]?.total ??
      (
        await this.dataSource.query(`SELECT count(*)::int AS n FROM roster.workers WHERE project_code = $1`, [
          projectCode,
        ])
      )[0].n;
    return { items: rows.map(toView), total, page, pageSize };
  }
}

function toView(row: WorkerListRow): WorkerView {
  return {
    workerId: row.workerId,
    name: row.name,
    idMasked: row.idMasked,
    phoneMasked: row.phoneMasked ?? undefined,
    bankCard:
      row.bankCode && row.cardMasked ? { bankCode: row.bankCode, cardMasked: row.cardMasked } : undefined,
    team: row.team ?? undefined,
    trade: row.trade ?? undefined,
    entryDate: row.entryDate,
    exitDate: row.exitDate ?? undefined,
  };
}
