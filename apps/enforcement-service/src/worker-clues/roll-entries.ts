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

  async upsert(
    manager: EntityManager,
    projectCode: string,
    entry: { workerId: string; idHash: string; idMasked: string; name: string; exitDate?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "${S}".roll_entries (worker_id, project_code, id_hash, id_masked, name, exit_date)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (worker_id) DO UPDATE SET project_code = EXCLUDED.project_code, id_hash = EXCLUDED.id_hash,
         id_masked = EXCLUDED.id_masked, name = EXCLUDED.name, exit_date = EXCLUDED.exit_date, updated_at = now()`,
      [entry.workerId, projectCode, entry.idHash, entry.idMasked, entry.name, entry.exitDate ?? null],
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
        handle: async (events, manager) => {
          for (const event of events)
            if (event.type === 'WorkerEnrolled' || event.type === 'WorkerUpdated')
              await entries.upsert(manager, event.projectCode, event.data);
        },
      }),
    ];
  }
}
