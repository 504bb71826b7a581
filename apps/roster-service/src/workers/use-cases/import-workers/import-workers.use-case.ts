import { Inject, Injectable } from '@nestjs/common';
import type { IdempotentAnswer } from '@wage/platform';
import type { RosterSettings } from '../../../config/env';
import type { BatchRequest } from '../../../common/idempotent-transaction';
import { ROSTER_SETTINGS } from '../../../common/tokens';
import { MAX_UNPACKED_BYTES, readSpreadsheet, type UploadedFile } from '../../import/read-spreadsheet';
import { workerFile } from '../../import/worker-columns';
import { UpsertWorkersUseCase, type UpsertWorkersAnswer } from '../upsert-workers/upsert-workers.use-case';

/**
 * Imports a roll as a project clerk keeps it (CSV in UTF-8 or GBK, or XLSX; Chinese or English headers), through
 * the same checks and upsert as `PUT …/workers`; errors name the file's row number and column header.
 */
@Injectable()
export class ImportWorkersUseCase {
  constructor(
    private readonly upsertWorkers: UpsertWorkersUseCase,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  async execute(
    projectCode: string,
    file: UploadedFile,
    request: BatchRequest,
  ): Promise<IdempotentAnswer<UpsertWorkersAnswer>> {
    // The batch cap is enforced while reading, so a file far over it is refused without being read through.
    const sheet = await readSpreadsheet(file, {
      maxRows: this.settings.batchCap,
      maxUnpackedBytes: MAX_UNPACKED_BYTES,
    });
    const { rows, cellErrors, locate } = workerFile(sheet);
    return this.upsertWorkers.execute({
      projectCode,
      rows,
      request,
      earlierErrors: cellErrors,
      locateErrors: locate,
    });
  }
}
