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
import { Allow, ApiError, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { batchRequest } from '../core/idempotent-transaction';
import { sendAnswer } from '../core/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { listWorkersQuery } from './dto/list-workers.dto';
import { upsertWorkersBody } from './dto/worker-row.dto';
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
  async list(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Query() query: unknown) {
    await this.access.readable(principal, code);
    return this.listWorkers.execute(code, validate(listWorkersQuery, query, 'query'));
  }
}
