import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { rosterEvents, Topics, type RosterEvent } from '@wage/contracts';
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

/**
 * Casework's copy of the rolls: who a signed-in worker is, on which projects, and which worker each card of a
 * project is registered for (blind indexes only), to match the account's payroll to the workers of a case.
 */
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

  /** A batch of roster events: its enrolments and updates, and the cards they register. */
  async apply(events: RosterEvent[], manager: EntityManager): Promise<void> {
    await this.upsertAll(
      manager,
      events.flatMap((event) =>
        event.type === 'WorkerEnrolled' || event.type === 'WorkerUpdated'
          ? [{ projectCode: event.projectCode, entry: event.data }]
          : [],
      ),
    );
    await learnWorkerCards(events, manager);
  }

  /** A batch's enrolments and updates in one statement; the last word on a worker in the batch wins. */
  private async upsertAll(
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

/** Which worker each card of a project is registered for; the last card of a batch wins. */
async function learnWorkerCards(events: RosterEvent[], manager: EntityManager): Promise<void> {
  // One statement per batch (a roll of thousands arrives as thousands of events).
  const latest = new Map<string, { project_code: string; card_hash: string; id_hash: string }>();
  for (const event of events) {
    if (event.type !== 'WorkerEnrolled' && event.type !== 'WorkerUpdated') continue;
    const card = event.data.bankCard;
    if (!card) continue;
    latest.set(`${event.projectCode} ${card.cardHash}`, {
      project_code: event.projectCode,
      card_hash: card.cardHash,
      id_hash: event.data.idHash,
    });
  }
  if (latest.size === 0) return;
  await manager.query(
    `INSERT INTO "${S}".worker_cards (project_code, card_hash, id_hash)
     SELECT r.project_code, r.card_hash, r.id_hash
       FROM jsonb_to_recordset($1::jsonb) AS r(project_code text, card_hash text, id_hash text)
     ON CONFLICT (project_code, card_hash) DO UPDATE SET id_hash = EXCLUDED.id_hash`,
    [JSON.stringify([...latest.values()])],
  );
}

/**
 * Keeps the copy up to date from wage.roster.events.v1; attendance and pay sheets do not concern it. One consumer
 * for entries and cards, so each roster event is parsed and recorded as processed once (each roll row is one
 * event). It replaced two (`enforcement-service.roll`, `enforcement-service.roster`): its group is new, so it reads
 * the topic's retained events from the beginning once, applying each in order again, and ends where they ended.
 */
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
        name: 'enforcement-service.rolls',
        topic: Topics.roster,
        contracts: rosterEvents,
        dataSource,
        schema: S,
        kafka,
        logger,
        metrics,
        // A roll of thousands arrives as thousands of events: one statement per table per batch keeps up with it.
        handle: (events, manager) => entries.apply(events, manager),
      }),
    ];
  }
}
