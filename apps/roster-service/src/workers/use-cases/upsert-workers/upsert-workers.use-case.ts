import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkerEnrolled, WorkerExited, WorkerUpdated } from '@wage/contracts';
import { maskCardNumber, maskIdentityNumber, maskPhone } from '@wage/domain';
import {
  UseCaseError,
  BlindIndex,
  OutboxWriter,
  PersonalDataCipher,
  newEvent,
  type IdempotentAnswer,
  type NewEvent,
  type RowError,
  Clock,
  sealingOncePerValue,
} from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import { IdempotentTransaction, type BatchRequest } from '../../../common/idempotent-transaction';
import { checkBatchSize } from '../../../common/row-errors';
import { ROSTER_SETTINGS } from '../../../common/tokens';
import { ProjectAccess } from '../../../projects/project-access';
import { checkWorkerRows, type CheckedWorker } from '../../check-worker-rows';

export interface UpsertWorkersAnswer {
  accepted: number;
  created: number;
  updated: number;
}

export interface UpsertWorkersCommand {
  projectCode: string;
  rows: readonly unknown[];
  request: BatchRequest;
  /** Problems found before the rows reached this use case (an imported file's unreadable cells). */
  earlierErrors?: RowError[];
  /** Rewrites row errors for the caller, e.g. to name an imported file's row and column. */
  locateErrors?: (errors: RowError[]) => RowError[];
}

/** A worker's row as stored: personal numbers encrypted, with blind index and masked form. */
interface SealedWorker {
  id: string;
  idHash: string;
  idEncrypted: string;
  idMasked: string;
  phoneEncrypted: string | null;
  phoneMasked: string | null;
  cardHash: string | null;
  cardEncrypted: string | null;
  cardMasked: string | null;
}

/** A roll entry as the upsert left it, with the exit date it had before (null when it had none or is new). */
interface StoredWorker {
  id: string;
  idHash: string;
  created: boolean;
  previousExit: string | null;
}

/**
 * Upserts a batch of workers onto a project's real-name roll (实名册) by identity number. A batch with any bad
 * row is refused whole (422, every row error); otherwise one set-based statement writes it, and its events go
 * into the outbox in the same transaction.
 */
@Injectable()
export class UpsertWorkersUseCase {
  constructor(
    private readonly transaction: IdempotentTransaction,
    private readonly access: ProjectAccess,
    private readonly outbox: OutboxWriter,
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  async execute(command: UpsertWorkersCommand): Promise<IdempotentAnswer<UpsertWorkersAnswer>> {
    const { projectCode, rows } = command;
    checkBatchSize(rows.length, this.settings.batchCap);
    return this.transaction.run(command.request, async (manager) => {
      await this.access.lockForBatch(manager, projectCode);
      const { workers, errors } = checkWorkerRows(rows, this.clock.today());
      const allErrors = mergeErrors(command.earlierErrors ?? [], errors);
      if (allErrors.length > 0) {
        throw UseCaseError.invalidRows(command.locateErrors?.(allErrors) ?? allErrors, rows.length);
      }
      const seal = this.sealer();
      const sealed = workers.map((worker) => seal(worker));
      const stored = await this.upsert(manager, projectCode, workers, sealed);
      await this.outbox.append(manager, this.events(projectCode, workers, sealed, stored));
      const created = stored.filter((row) => row.created).length;
      return {
        outcome: 'DONE',
        body: { accepted: workers.length, created, updated: workers.length - created },
      };
    });
  }

  /**
   * Seals a batch's workers, encrypting and hashing each distinct phone and card once: workers of a team may share
   * a phone or, against the rules, a bank card. Identity numbers are distinct within a batch and sealed directly.
   */
  private sealer(): (worker: CheckedWorker) => SealedWorker {
    const shared = sealingOncePerValue(this.cipher, this.blindIndex);
    return (worker) => {
      const card = worker.bankCard?.cardNumber;
      return {
        id: randomUUID(),
        idHash: this.blindIndex.hash('id', worker.idNumber),
        idEncrypted: this.cipher.encrypt(worker.idNumber),
        idMasked: maskIdentityNumber(worker.idNumber),
        phoneEncrypted: worker.phone ? shared.cipher.encrypt(worker.phone) : null,
        phoneMasked: worker.phone ? maskPhone(worker.phone) : null,
        cardHash: card ? shared.blindIndex.hash('card', card) : null,
        cardEncrypted: card ? shared.cipher.encrypt(card) : null,
        cardMasked: card ? maskCardNumber(card) : null,
      };
    };
  }

  /**
   * One INSERT … SELECT FROM unnest(arrays) for the whole batch: a fixed number of bind parameters however many
   * rows. An existing worker keeps its id; the entry is replaced by the row as sent. The same statement reads the
   * exit dates the entries had before (every part of a WITH sees the roll as it was when the statement began).
   */
  private async upsert(
    manager: EntityManager,
    projectCode: string,
    workers: CheckedWorker[],
    sealed: SealedWorker[],
  ): Promise<StoredWorker[]> {
    return manager.query(
      `WITH before AS (
         SELECT id_hash, exit_date FROM roster.workers WHERE project_code = $1 AND id_hash = ANY($3::text[])
       ), stored AS (
         INSERT INTO roster.workers (project_code, id, id_hash, id_encrypted, id_masked, name, phone_encrypted,
           phone_masked, bank_code, card_hash, card_encrypted, card_masked, team, trade, entry_date, exit_date)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::date[],
           $16::date[])
         ON CONFLICT (project_code, id_hash) DO UPDATE SET
           id_encrypted = EXCLUDED.id_encrypted, id_masked = EXCLUDED.id_masked, name = EXCLUDED.name,
           phone_encrypted = EXCLUDED.phone_encrypted, phone_masked = EXCLUDED.phone_masked,
           bank_code = EXCLUDED.bank_code, card_hash = EXCLUDED.card_hash, card_encrypted = EXCLUDED.card_encrypted,
           card_masked = EXCLUDED.card_masked, team = EXCLUDED.team, trade = EXCLUDED.trade,
           entry_date = EXCLUDED.entry_date, exit_date = EXCLUDED.exit_date, updated_at = now()
         RETURNING id, id_hash, (xmax = 0) AS created
       )
       SELECT s.id, s.id_hash AS "idHash", s.created, b.exit_date::text AS "previousExit"
       FROM stored s LEFT JOIN before b ON b.id_hash = s.id_hash`,
      [
        projectCode,
        sealed.map((s) => s.id),
        sealed.map((s) => s.idHash),
        sealed.map((s) => s.idEncrypted),
        sealed.map((s) => s.idMasked),
        workers.map((w) => w.name),
        sealed.map((s) => s.phoneEncrypted),
        sealed.map((s) => s.phoneMasked),
        workers.map((w) => w.bankCard?.bankCode ?? null),
        sealed.map((s) => s.cardHash),
        sealed.map((s) => s.cardEncrypted),
        sealed.map((s) => s.cardMasked),
        workers.map((w) => w.team ?? null),
        workers.map((w) => w.trade ?? null),
        workers.map((w) => w.entryDate),
        workers.map((w) => w.exitDate ?? null),
      ],
    );
  }

  /** WorkerEnrolled or WorkerUpdated per row, and WorkerExited when the row sets or changes an exit date. */
  private events(
    projectCode: string,
    workers: CheckedWorker[],
    sealed: SealedWorker[],
    stored: StoredWorker[],
  ): NewEvent[] {
    const storedByHash = new Map(stored.map((row) => [row.idHash, row]));
    return workers.flatMap((worker, i) => {
      const { id: workerId, created, previousExit } = storedByHash.get(sealed[i].idHash)!;
      const { idHash, idMasked, cardHash, cardMasked } = sealed[i];
      const entry = {
        workerId,
        idHash,
        idMasked,
        name: worker.name,
        bankCard: worker.bankCard && {
          bankCode: worker.bankCard.bankCode,
          cardHash: cardHash!,
          cardMasked: cardMasked!,
        },
        team: worker.team,
        trade: worker.trade,
        entryDate: worker.entryDate,
        exitDate: worker.exitDate,
      };
      const events: NewEvent[] = [newEvent(created ? WorkerEnrolled : WorkerUpdated, projectCode, entry)];
      if (worker.exitDate !== undefined && worker.exitDate !== previousExit) {
        events.push(newEvent(WorkerExited, projectCode, { workerId, idHash, exitDate: worker.exitDate }));
      }
      return events;
    });
  }
}

/** A cell already reported as unreadable is not reported again as missing or malformed. */
function mergeErrors(earlier: RowError[], found: RowError[]): RowError[] {
  const reported = new Set(earlier.map((e) => `${e.index}:${e.field}`));
  return [...earlier, ...found.filter((e) => !reported.has(`${e.index}:${e.field}`))].sort(
    (a, b) => a.index - b.index,
  );
}
