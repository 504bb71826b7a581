import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rosterEvents, Topics } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA as S } from '../schema';

/** A worker on a project's real-name roll, as roster-service's events carry them: no identity number in clear. */
export interface RollEntry {
  projectCode: string;
  idMasked: string;
  name: string;
}

/** Casework's copy of the rolls: who a signed-in worker is, on which projects. */
@Injectable()
export class RollEntries {
  constructor(private readonly dataSource: DataSource) {}

  /** The worker's entry on that project's roll, if they are on it. */
  async find(idHash: string, projectCode: string): Promise<RollEntry | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT project_code AS "projectCode", id_masked AS "idMasked", name FROM "${S}".roll_entries
        WHERE id_hash = $1 AND project_code = $2 ORDER BY updated_at DESC LIMIT 1`,
      [idHash, projectCode],
    );
    return row;
  }

  /** A batch's enrolments and updates in one statement; the last word on a worker in the batch wins. */
  async upsertAll(
    manager: EntityManager,
    entries: {
      projectCode: string;
      entry: { workerId: string; idHash: string; idMasked: string; name: string; exitDate?: string };
    }[],
  ): Promise<void> {
    const latest = new Map(entries.map((e) => [e.entry.workerId, e]));
    if (latest.size === 0) return;
    const rows = [...latest.values()].map(({ projectCode, entry }) => ({
      worker_id: entry.workerId,
      project_code: projectCode,
      id_hash: entry.idHash,
      id_masked: entry.idMasked,
      name: entry.name,
      exit_date: entry.exitDate ?? null,
    }));
    await manager.query(
      `INSERT INTO "${S}".roll_entries (worker_id, project_code, id_hash, id_masked, name, exit_date)
       SELECT r.worker_id, r.project_code, r.id_hash, r.id_masked, r.name, r.exit_date
         FROM jsonb_to_recordset($1::jsonb) AS r(worker_id uuid, project_code text, id_hash text, id_masked text,
           name text, exit_date date)
       ON CONFLICT (worker_id) DO UPDATE SET project_code = EXCLUDED.project_code, id_hash = EXCLUDED.id_hash,
         id_masked = EXCLUDED.id_masked, name = EXCLUDED.name, exit_date = EXCLUDED.exit_date, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }
}

/** Keeps the copy up to date from wage.roster.events.v1; attendance and pay sheets do not concern it. */
@Injectable()
export class RollEntriesConsumer extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof rosterEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    entries: RollEntries,
  ) {
    super();
    this.consumers = [
      new EventConsumer({
        name: 'enforcement-service.roll',
        topic: Topics.roster,
        contracts: rosterEvents,
        dataSource,
        schema: S,
        kafka,
        logger,
        metrics,
        // A roll of thousands arrives as thousands of events: one statement per batch keeps up with it.
        handle: (events, manager) =>
          entries.upsertAll(
            manager,
            events.flatMap((event) =>
              event.type === 'WorkerEnrolled' || event.type === 'WorkerUpdated'
                ? [{ projectCode: event.projectCode, entry: event.data }]
                : [],
            ),
          ),
      }),
    ];
  }
}
