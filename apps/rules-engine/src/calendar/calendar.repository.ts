import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EnteredCalendar {
  year: number;
  version: number;
  holidays: string[];
  workingDays: string[];
  source: string;
  enteredBy: string;
  enteredAt: Date;
}

const COLUMNS = `year, version, holidays, working_days AS "workingDays", source, entered_by AS "enteredBy",
  entered_at AS "enteredAt"`;

@Injectable()
export class CalendarRepository {
  /** The version in force of every year entered. */
  async current(manager: EntityManager): Promise<EnteredCalendar[]> {
    return manager.query(
      `SELECT DISTINCT ON (year) ${COLUMNS} FROM rules.calendars ORDER BY year, version DESC`,
    );
  }

  async versions(manager: EntityManager, year: number): Promise<EnteredCalendar[]> {
    return manager.query(`SELECT ${COLUMNS} FROM rules.calendars WHERE year = $1 ORDER BY version`, [year]);
  }

  /** Adds the next version of `year`; concurrent entries of one year are serialised by a lock. */
  async add(
    manager: EntityManager,
    entry: Omit<EnteredCalendar, 'version' | 'enteredAt'>,
  ): Promise<EnteredCalendar> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('rules-engine:calendar'), $1)`, [entry.year]);
    const [row]: EnteredCalendar[] = await manager.query(
      `INSERT INTO rules.calendars (year, version, holidays, working_days, source, entered_by, entered_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, now() FROM rules.calendars WHERE year = $1
       RETURNING ${COLUMNS}`,
      [entry.year, entry.holidays, entry.workingDays, entry.source, entry.enteredBy],
    );
    return row;
  }
}
