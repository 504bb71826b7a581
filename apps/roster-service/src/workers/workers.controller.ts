import {
  Controller,
  Get,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { Body } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { memoryStorage } from 'multer';
import { Allow, ApiContract, ApiError, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { BATCH_NOTE, projectCodeParam, upsertWorkersExample } from '../api-examples';
import { batchRequest } from '../common/idempotent-transaction';
import { sendAnswer } from '../common/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { listWorkersQuery } from './dto/list-workers.dto';
import { upsertWorkersBody, upsertWorkersDocumented } from './dto/worker-row.dto';
import { ImportWorkersUseCase } from './use-cases/import-workers/import-workers.use-case';
import { ListWorkersUseCase } from './use-cases/list-workers/list-workers.use-case';
import { UpsertWorkersUseCase } from './use-cases/upsert-workers/upsert-workers.use-case';

/** 10,000 rows of a clerk's CSV or XLSX fit in a few megabytes; this leaves room without inviting abuse. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

@Controller('api/v1/projects/:code/workers')
export class WorkersController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly upsertWorkers: UpsertWorkersUseCase,
    private readonly importWorkers: ImportWorkersUseCase,
    private readonly listWorkers: ListWorkersUseCase,
  ) {}

  @Put()
  @Allow('admin', 'project')
  @ApiContract({
    summary: "Add or update workers on the project's real-name roll",
    description:
      'Upsert by identity number (实名制花名册). Identity numbers are checked (GB 11643 check digit, birth date, ' +
      `minimum working age); identity, card and phone numbers are stored encrypted. ${BATCH_NOTE}`,
    params: projectCodeParam,
    body: upsertWorkersDocumented,
    examples: { 'two workers of a rebar team': upsertWorkersExample },
    idempotent: true,
    responses: { 200: { description: 'stored', example: { accepted: 2, created: 2, updated: 0 } } },
    errors: {
      404: 'no such project',
      409: 'the Idempotency-Key was used with a different body',
      413: 'more rows than the batch cap, or a body over the size limit',
      422: 'a row is invalid; details name each row and field',
    },
  })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.access.assertWritable(principal, code);
    const { workers } = validate(upsertWorkersBody, body);
    const answer = await this.upsertWorkers.execute({
      projectCode: code,
      rows: workers,
      request: batchRequest(principal, request, body),
    });
    return sendAnswer(response, answer);
  }

  @Post('import')
  @Allow('admin', 'project')
  @ApiContract({
    summary: 'Import the real-name roll from a CSV or XLSX file',
    description:
      'The same columns as PUT /workers, with Chinese (身份证号, 姓名, 手机号, 开户行, 银行卡号, 班组, 工种, 进场日期, ' +
      `退场日期) or English headers; CSV in UTF-8 or GBK. Only the first sheet of an XLSX is read, and it may unpack ` +
      `to at most 50 MB. ${BATCH_NOTE}`,
    params: projectCodeParam,
    upload: { field: 'file', description: 'the roll as .csv or .xlsx, at most 20 MB' },
    idempotent: true,
    responses: { 200: { description: 'stored', example: { accepted: 120, created: 118, updated: 2 } } },
    errors: {
      404: 'no such project',
      409: 'the Idempotency-Key was used with a different file',
      413: 'more rows than the batch cap (reading stops at the first row past it), a file over 20 MB, or an XLSX that unpacks to more than 50 MB',
      422: 'a row is invalid; details name each row (0 is the first data row) and field',
    },
  })
  @UseInterceptors(
    FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }),
  )
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.access.assertWritable(principal, code);
    if (!file) {
      throw ApiError.badRequest(
        'send the roll as multipart/form-data with the CSV or XLSX file in the field "file"',
      );
    }
    const answer = await this.importWorkers.execute(
      code,
      file,
      batchRequest(principal, request, file.buffer),
    );
    return sendAnswer(response, answer);
  }

  @Get()
  @Allow('admin', 'project', 'user')
  @ApiContract({
    summary: "The project's workers, masked",
    description: 'Identity, card and phone numbers appear only masked.',
    params: projectCodeParam,
    query: listWorkersQuery,
    queryExample: { page: 1, pageSize: 100 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }' } },
    errors: { 404: 'no such project, or not one the caller may see' },
  })
  async list(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Query() query: unknown) {
    await this.access.readable(principal, code);
    return this.listWorkers.execute(code, validate(listWorkersQuery, query, 'query'));
  }
}
