import {
  Catch,
  PayloadTooLargeException,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { Allow, ApiContract, ApiError, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { uuidParam } from '../common/fields';
import { gridsSchema, listVisitsSchema, recordVisitSchema, visitPlanSchema } from './dto/visit.dto';
import { gridsAnswer, visitPlanAnswer } from './dto/visit-answers.dto';
import { inlineDisposition, MAX_PHOTO_BYTES } from './photo-file';
import { AddVisitPhotoUseCase } from './use-cases/add-visit-photo/add-visit-photo.use-case';
import { GetVisitPhotoUseCase } from './use-cases/get-visit-photo/get-visit-photo.use-case';
import { GridCoverageUseCase } from './use-cases/grid-coverage/grid-coverage.use-case';
import { ListVisitsUseCase } from './use-cases/list-visits/list-visits.use-case';
import { RecordVisitUseCase } from './use-cases/record-visit/record-visit.use-case';
import { VisitPlanUseCase } from './use-cases/visit-plan/visit-plan.use-case';

/** multer's own 413 says only "File too large": say what the limit is. */
@Catch(PayloadTooLargeException)
class PhotoTooLargeFilter implements ExceptionFilter {
  catch(exception: PayloadTooLargeException, host: ArgumentsHost) {
    const tooLarge = exception.message === 'File too large';
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        error: 'PAYLOAD_TOO_LARGE',
        message: tooLarge
          ? `a photo may be at most ${MAX_PHOTO_BYTES} bytes (5 MiB); send a smaller or more compressed one`
          : 'send one photo per request, in the field "photo"',
        details: [],
      });
  }
}

const visitId = {
  id: { description: 'the visit id (a UUID)', example: '5b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e' },
};

@Controller('api/v1/visits')
export class VisitsController {
  constructor(
    private readonly record: RecordVisitUseCase,
    private readonly addPhoto: AddVisitPhotoUseCase,
    private readonly getPhoto: GetVisitPhotoUseCase,
    private readonly visits: ListVisitsUseCase,
  ) {}

  @Post()
  @Allow('user')
  @ApiContract({
    summary: 'Record a site visit (走访), optionally verifying an alert or a complaint (核实)',
    description:
      "For the grid assistant of the project's grid or an inspector covering the project. `at` is when the visit " +
      'took place: not in the future (5 minutes of slack) and at most 31 days ago. A visit that verifies an alert ' +
      '(read from alert-service as the caller, so it must be one they may see, about the same project) or a ' +
      'complaint of the project or its grid publishes VerificationRecorded; the complaint lists it among its ' +
      'verifications.',
    body: recordVisitSchema,
    examples: {
      'a visit confirming an alert': {
        projectCode: 'XM-2026-001',
        at: '2026-10-12T09:30:00+08:00',
        findings: '现场核实：9月工资确未发放，总包称10月15日前补发',
        verifies: { alertId: '3c6e0b8a-9c0b-4c1e-9f1a-2b3c4d5e6f70', result: 'CONFIRMED' },
      },
    },
    responses: {
      201: { description: '{ id, projectCode, gridCode, at, findings, recordedBy, verifies?, photos: [] }' },
    },
    errors: {
      404: 'no such project, alert or complaint, or not one the caller may see',
      409: 'PROJECT_NOT_IN_GRID: a visit to a project in no grid cannot verify anything',
    },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('authorization') authorization: string,
  ) {
    return this.record.execute(principal, validate(recordVisitSchema, body), authorization);
  }

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'Site visits, latest first: a grid assistant their grid, a user their region',
    query: listVisitsSchema,
    queryExample: { gridCode: '350206001', from: '2026-10-01', to: '2026-10-31', page: 1, pageSize: 50 },
    responses: {
      200: { description: 'one page: { items, total, page, pageSize }; each visit with its photos' },
    },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.visits.execute(principal, validate(listVisitsSchema, query, 'query'));
  }

  @Post(':id/photos')
  @Allow('user')
  @ApiContract({
    summary: "Add a photo to a visit (现场照片): only the visit's recorder",
    description:
      'A JPEG, PNG or WebP as its content says (the declared type must agree), at most 5 MiB, 6 photos a visit. ' +
      'The file name is kept without directories or control characters, at most 100 characters.',
    params: visitId,
    upload: { field: 'photo', description: 'the photo: JPEG, PNG or WebP, at most 5 MiB' },
    responses: { 201: { description: '{ id, name, contentType, size }' } },
    errors: {
      404: 'no such visit, or not one the caller may see',
      409: 'TOO_MANY_PHOTOS: the visit already has 6 photos',
      413: 'a photo over 5 MiB',
      415: 'not a JPEG, PNG or WebP, or declared as another type than its content',
    },
  })
  @UseFilters(PhotoTooLargeFilter)
  @UseInterceptors(
    // File names in UTF-8 (现场.jpg), as browsers send them.
    FileInterceptor('photo', {
      storage: memoryStorage(),
      limits: { fileSize: MAX_PHOTO_BYTES, files: 1 },
      defParamCharset: 'utf8',
    }),
  )
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    const visit = validate(uuidParam, id, 'visit id');
    if (!file)
      throw ApiError.badRequest('send the photo as multipart/form-data with the file in the field "photo"', [
        { path: 'photo', message: 'required' },
      ]);
    return this.addPhoto.execute(principal, visit, file);
  }

  @Get(':id/photos/:photoId')
  @Allow('admin', 'user')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiContract({
    summary: "A visit's photo, as it was uploaded",
    params: {
      ...visitId,
      photoId: {
        description: "the photo's id, from the visit's photos",
        example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      },
    },
    file: { mediaType: 'image/*' },
    responses: { 200: { description: 'the photo (JPEG, PNG or WebP), served with nosniff' } },
    errors: { 404: 'no such visit or photo, or not one the caller may see' },
  })
  async photo(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('photoId') photoId: string,
  ) {
    const photo = await this.getPhoto.execute(
      principal,
      validate(uuidParam, id, 'visit id'),
      validate(uuidParam, photoId, 'photo id'),
    );
    return new StreamableFile(photo.content, {
      type: photo.contentType,
      disposition: inlineDisposition(photo.name),
      length: photo.content.length,
    });
  }
}

@Controller('api/v1/visit-plans')
export class VisitPlansController {
  constructor(private readonly plans: VisitPlanUseCase) {}

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "A grid's visit plan for a month (走访计划)",
    description:
      'The projects in construction in the grid: C-grade employers first (C_GRADE), then open alerts ' +
      '(OPEN_ALERTS), then projects whose routine patrol is due (PATROL_DUE): nobody visited them in the ' +
      "patrolIntervalMonths before the month, the interval of the contractor's grade in the project's region " +
      '(PATROL_INTERVALS; by default C 1, B 2, not graded 3). A grade exempt there (A by default) is left out of ' +
      'routine visits unless the project has open alerts. A grid assistant gets their own grid; other users name a ' +
      'grid in their region.',
    query: visitPlanSchema,
    queryExample: { gridCode: '350206001', month: '2026-10' },
    responses: {
      200: {
        description:
          "the grid's plan: the projects to visit, most urgent first, and those exempt from routine patrols",
        schema: visitPlanAnswer,
      },
    },
  })
  get(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.plans.execute(principal, validate(visitPlanSchema, query, 'query'));
  }
}

@Controller('api/v1/grids')
export class GridsController {
  constructor(private readonly coverage: GridCoverageUseCase) {}

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "A region's grids and their visit coverage in a month (网格走访覆盖)",
    description:
      'For leaders and inspectors of a district or above. The grids are those of the projects in construction ' +
      'under the region; a grid is covered when a grid assistant recorded a visit in it that month.',
    query: gridsSchema,
    queryExample: { regionCode: '350206', month: '2026-10' },
    responses: {
      200: {
        description:
          "the region's grids with their visits and verifications in the month, and how many were visited",
        schema: gridsAnswer,
      },
    },
  })
  get(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.coverage.execute(principal, validate(gridsSchema, query, 'query'));
  }
}
