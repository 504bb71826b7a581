import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA as S } from '../../../schema';
import { ownClueView, type OwnClueRow } from '../../worker-clue-view';

/** The most a worker's list shows: their clues of the last years, newest first. */
const MAX_CLUES = 100;

/** 我的投诉: the complaints and clues whose complainant is the session's identity, newest first. */
@Injectable()
export class ListOwnCluesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(idHash: string) {
    const rows: OwnClueRow[] = await this.dataSource.query(
      `SELECT c.id, c.kind, c.status, c.project_code, c.employer_name, c.period_from, c.period_to,
         c.amount_owed_fen, c.description, c.received_at, to_char(c.accept_by, 'YYYY-MM-DD') AS accept_by,
         c.decided_at, c.refusal_reason, c.redirect_to, c.supplement_what, k.closed_at AS case_closed_at
         FROM "${S}".complaints c LEFT JOIN "${S}".cases k ON k.id = c.case_id
        WHERE c.complainant_id_hash = $1
        ORDER BY c.received_at DESC LIMIT ${MAX_CLUES}`,
      [idHash],
    );
    return { items: rows.map(ownClueView) };
  }
}
