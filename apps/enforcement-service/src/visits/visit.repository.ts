import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEMA as S } from '../schema';

export interface VisitRow {
  id: string;
  project_code: string;
  grid_code: string | null;
  region_code: string;
  at: Date;
  findings: string;
  recorded_by: string;
  recorder_role: string;
  verifies_subject: 'ALERT' | 'COMPLAINT' | null;
  alert_id: string | null;
  alert_key: string | null;
  complaint_id: string | null;
  result: string | null;
  photos: { id: string; name: string; contentType: string; size: number }[] | null;
}

/** A visit with its photos' descriptions (never their bytes), oldest photo first. */
export const VISIT_SELECT = `
  SELECT v.*, (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'contentType', p.content_type,
      'size', p.size) ORDER BY p.uploaded_at, p.id) FROM "${S}".visit_photos p WHERE p.visit_id = v.id) AS photos
  FROM "${S}".visits v`;

export function visitView(row: VisitRow) {
  return {
    id: row.id,
    projectCode: row.project_code,
    gridCode: row.grid_code,
    at: row.at.toISOString(),
    findings: row.findings,
    recordedBy: row.recorded_by,
    ...(row.verifies_subject && {
      verifies: {
        ...(row.alert_id && { alertId: row.alert_id, alertKey: row.alert_key }),
        ...(row.complaint_id && { complaintId: row.complaint_id }),
        result: row.result,
      },
    }),
    photos: row.photos ?? [],
  };
}
export type VisitView = ReturnType<typeof visitView>;

@Injectable()
export class VisitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<VisitRow | undefined> {
    const [row] = await manager.query(`${VISIT_SELECT} WHERE v.id = $1`, [id]);
    return row;
  }
}
