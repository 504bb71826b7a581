import { Injectable } from '@nestjs/common';
import type { IdempotentAnswer } from '@wage/platform';
import type { BatchRequest } from '../../../core/idempotent-transaction';
import { readSpreadsheet, type UploadedFile } from '../../import/read-spreadsheet';
import { workerFile } from '../../import/worker-columns';
import { UpsertWorkersUseCase, type UpsertWorkersAnswer } from '../upsert-workers/upsert-workers.use-case';

/**
 * Imports a roll as a project clerk keeps it (CSV in UTF-8 or GBK, or XLSX; Chinese or English headers), through
 * the same checks and upsert as `PUT …/workers`; errors name the file's row number and column header.
 */
@Injectable()
export class ImportWorkersUseCase {
  constructor(private readonly upsertWorkers: UpsertWorkersUseCase) {}

  async execute(
    projectCode: string,
    file: UploadedFile,
    request: BatchRequest,
  ): Promise<IdempotentAnswer<UpsertWorkersAnswer>> {
    const { rows, cellErrors, locate } = workerFile(await readSpreadsheet(file));
    return this.upsertWorkers.execute({
      projectCode,
      rows,
      request,
      earlierErrors: cellErrors,
      locateErrors: locate,
    });
  }
}
