import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  Allow,
  ApiContract,
  CurrentPrincipal,
  validate,
  workerIdentity,
  type Principal,
} from '@wage/platform';
import { fileClueSchema } from './dto/file-clue.dto';
import { FileClueUseCase } from './use-cases/file-clue/file-clue.use-case';
import { ListOwnCluesUseCase } from './use-cases/list-own-clues/list-own-clues.use-case';

/** 我要投诉欠薪 and 我的投诉 on the workers' channel; the gateway routes /worker/clues here, not to roster-service. */
@Controller('api/v1/worker/clues')
export class WorkerCluesController {
  constructor(
    private readonly file: FileClueUseCase,
    private readonly clues: ListOwnCluesUseCase,
  ) {}

  @Post()
  @Allow('worker')
  @ApiContract({
    summary: 'Report arrears from the workers’ page (我要投诉欠薪)',
    description:
      'A complaint of kind CLUE in the intake queue of the project’s region (GET /complaints), with its ' +
      '5-working-day acceptance clock, against the project’s general contractor. The complainant is the signed-in ' +
      'worker as the project’s roll names them; the project must be one whose roll has them (as in ' +
      'GET /worker/months). `phone` is the number to call back.',
    body: fileClueSchema,
    examples: {
      'two months unpaid': {
        projectCode: 'XM-2026-001',
        periodFrom: '2026-08',
        periodTo: '2026-09',
        amountOwed: '12000.00',
        workersAffected: 5,
        description: '8月、9月工资没有发，班组长说总包没拨款',
        phone: '13800001234',
      },
    },
    responses: {
      201: {
        description: '{ id, status: RECEIVED, acceptBy }',
        example: {
          id: '8f14e45f-ceea-4e7a-9f6b-1c2d3e4f5a6b',
          status: 'RECEIVED',
          acceptBy: '2026-10-27',
        },
      },
    },
    errors: { 404: 'the worker is not on that project’s roll (PROJECT_NOT_YOURS)' },
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.file.execute(workerIdentity(principal), validate(fileClueSchema, body));
  }

  @Get()
  @Allow('worker')
  @ApiContract({
    summary: 'A worker’s own complaints and clues with their status (我的投诉)',
    description:
      'RECEIVED (with what to add, when an inspector asked), ACCEPTED, REFUSED (with the reason and where to go ' +
      'instead) or CLOSED; newest first. Never the case itself: not its inspectors, actions, evidence or findings.',
    responses: {
      200: {
        description: '{ items }',
        example: {
          items: [
            {
              id: '8f14e45f-ceea-4e7a-9f6b-1c2d3e4f5a6b',
              kind: 'CLUE',
              status: 'ACCEPTED',
              projectCode: 'XM-2026-001',
              employerName: '厦门某建设工程有限公司',
              periodFrom: '2026-08',
              periodTo: '2026-09',
              amountOwed: '12000.00',
              description: '8月、9月工资没有发，班组长说总包没拨款',
              receivedAt: '2026-10-20T02:00:00.000Z',
              acceptBy: '2026-10-27',
              supplementRequested: null,
              acceptedAt: '2026-10-22T01:30:00.000Z',
              refusal: null,
              closedAt: null,
            },
          ],
        },
      },
    },
  })
  list(@CurrentPrincipal() principal: Principal) {
    return this.clues.execute(workerIdentity(principal));
  }
}
