import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEMA as S } from '../schema';
import type { ComplaintRow } from './complaint-view';

/**
 * What every read of a complaint selects: the row, its case's inspectors, the complaints linked to it, its project's
 * grid and the site visits that verified it (核实). The date
 * is read as 'YYYY-MM-DD' text: the later column of the same name is the one a row keeps.
 */
export const COMPLAINT_SELECT = `
  SELECT c.*, to_char(c.accept_by, 'YYYY-MM-DD') AS accept_by, k.inspectors AS case_inspectors,
    (SELECT array_agg(o.id ORDER BY o.received_at) FROM "${S}".complaints o
      WHERE o.id <> c.id AND (o.duplicate_of = coalesce(c.duplicate_of, c.id) OR o.id = c.duplicate_of)) AS linked,
    (SELECT p.grid_code FROM "${S}".projects p WHERE p.code = c.project_code) AS project_grid_code,
    (SELECT json_agg(json_build_object('visitId', v.id, 'at', v.at, 'by', v.recorded_by, 'result', v.result,
        'findings', v.findings) ORDER BY v.at, v.id)
      FROM "${S}".visits v WHERE v.complaint_id = c.id) AS verifications
  FROM "${S}".complaints c LEFT JOIN "${S}".cases k ON k.id = c.case_id`;

/** Duplicate clues are found by employer: its credit code, else its name without spaces or case. */
export function employerKey(employer: { name: string; creditCode?: string }): string {
  return employer.creditCode ?? `name:${employer.name.replace(/\s+/g, '').toLowerCase()}`;
}

/** A complaint, report or clue as received, its personal numbers already encrypted, hashed and masked. */
export interface ReceivedComplaint {
  id: string;
  kind: 'COMPLAINT' | 'REPORT' | 'CLUE';
  complainant: {
    name: string;
    idEncrypted: string | null;
    idHash: string | null;
    idMasked: string | null;
    phoneEncrypted: string;
    phoneMasked: string;
    confidential: boolean;
  };
  employer: { name: string; creditCode?: string; address?: string };
  projectCode: string | null;
  regionCode: string;
  periodFrom: string;
  periodTo: string;
  amountOwed: number | null;
  workersAffected: number | null;
  description: string;
  receivedAt: Date;
  acceptBy: string;
  enteredBy: string;
}

@Injectable()
export class ComplaintRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ComplaintRow | undefined> {
    const [row] = await manager.query(`${COMPLAINT_SELECT} WHERE c.id = $1`, [id]);
    return row;
  }

  /** The row locked for a decision, so that two inspectors cannot both decide on it. */
  async lock(manager: EntityManager, id: string): Promise<ComplaintRow | undefined> {
    await manager.query(`SELECT 1 FROM "${S}".complaints WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, manager);
  }

  /**
   * Stores a complaint received, linked to the first standing one about the same employer and an overlapping period
   * (a duplicate is linked, not lost). Clues about one employer are serialised, so two arriving together still link
   * to one another. Answers the complaint it was linked to, if any.
   */
  async receive(manager: EntityManager, c: ReceivedComplaint): Promise<{ duplicateOf: string | null }> {
    const key = employerKey(c.employer);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`complaint:${key}`]);
    const [first] = await manager.query(
      `SELECT id FROM "${S}".complaints
        WHERE employer_key = $1 AND duplicate_of IS NULL AND period_from <= $3 AND period_to >= $2
        ORDER BY received_at LIMIT 1`,
      [key, c.periodFrom, c.periodTo],
    );
    const duplicateOf: string | null = first?.id ?? null;
    await manager.query(
      `INSERT INTO "${S}".complaints (id, kind, status, complainant_name, complainant_id_enc, complainant_id_hash,
         complainant_id_masked, complainant_phone_enc, complainant_phone_masked, confidential, employer_name,
         employer_key, employer_credit_code, employer_address, project_code, region_code, period_from, period_to,
         amount_owed_fen, workers_affected, description, received_at, accept_by, entered_by, duplicate_of)
       VALUES ($1, $2, 'PENDING', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $23, $24)`,
      [
        c.id,
        c.kind,
        c.complainant.name,
        c.complainant.idEncrypted,
        c.complainant.idHash,
        c.complainant.idMasked,
        c.complainant.phoneEncrypted,
        c.complainant.phoneMasked,
        c.complainant.confidential,
        c.employer.name,
        key,
        c.employer.creditCode ?? null,
        c.employer.address ?? null,
        c.projectCode,
        c.regionCode,
        c.periodFrom,
        c.periodTo,
        c.amountOwed,
        c.workersAffected,
        c.description,
        c.receivedAt,
        c.acceptBy,
        c.enteredBy,
        duplicateOf,
      ],
    );
    return { duplicateOf };
  }
}
