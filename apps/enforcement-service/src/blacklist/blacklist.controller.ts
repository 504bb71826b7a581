import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  Allow,
  ApiContract,
  ApiError,
  CurrentPrincipal,
  Public,
  validate,
  XLSX_CONTENT_TYPE,
  type Principal,
} from '@wage/platform';
import { maySee } from '../access/casework-access';
import { uuidParam } from '../common/fields';
import { BlacklistRepository, procedureView } from './blacklist.repository';
import {
  decisionSchema,
  giveNoticeSchema,
  publicListSchema,
  removalSchema,
  statementSchema,
} from './dto/blacklist.dto';
import { DecideListingUseCase } from './use-cases/decide-listing/decide-listing.use-case';
import { GiveNoticeUseCase } from './use-cases/give-notice/give-notice.use-case';
import { PublicListUseCase } from './use-cases/public-list/public-list.use-case';
import { RecordStatementUseCase } from './use-cases/record-statement/record-statement.use-case';
import { RemoveListingUseCase } from './use-cases/remove-listing/remove-listing.use-case';

const procedureId = {
  id: { description: 'the listing procedure id (a UUID)', example: '0b7c1e52-4d3a-4f6e-9a2b-7c8d9e0f1a2b' },
};
const ON_A_PROCEDURE = { 404: 'no such procedure, or not one of the caller’s region' };

@Controller('api/v1/blacklist')
export class BlacklistController {
  constructor(
    private readonly notice: GiveNoticeUseCase,
    private readonly statement: RecordStatementUseCase,
    private readonly decision: DecideListingUseCase,
    private readonly removal: RemoveListingUseCase,
    private readonly publicList: PublicListUseCase,
    private readonly store: BlacklistRepository,
  ) {}

  @Get()
  @Public()
  @ApiContract({
    summary: 'The published arrears blacklist (拖欠农民工工资失信联合惩戒对象名单), no login',
    description:
      'Listings in force today, latest first: employer name, credit code, reason, decided, until, and the ' +
      'persons named with their names masked (王**) and no identity number.',
    query: publicListSchema,
    queryExample: { employer: '厦门某建设', page: 1, pageSize: 50 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }' } },
  })
  list(@Query() query: unknown) {
    return this.publicList.list(validate(publicListSchema, query, 'query'));
  }

  @Get('export')
  @Public()
  @Header('Content-Type', XLSX_CONTENT_TYPE)
  @Header('Content-Disposition', 'attachment; filename="blacklist.xlsx"')
  @ApiContract({
    summary: 'The published blacklist as an XLSX workbook, no login',
    description:
      'The same listings as GET /blacklist; text that a spreadsheet could take for a formula is escaped.',
    query: publicListSchema.pick({ employer: true }),
    queryExample: { employer: '厦门某建设' },
    responses: {
      200: {
        description: `the workbook (${XLSX_CONTENT_TYPE})`,
      },
    },
  })
  async export(@Query() query: unknown) {
    const filter = validate(publicListSchema.pick({ employer: true }), query, 'query');
    return new StreamableFile(await this.publicList.workbook(filter));
  }

  @Post()
  @Allow('user')
  @ApiContract({
    summary: 'Give notice of a listing (事先告知)',
    description:
      'For inspectors and leaders of the case’s region. The employer must have been ordered to pay wages by a ' +
      'deadline (rectification order or handling decision) that passed with wages still owed. The persons’ ' +
      'identity numbers are stored encrypted and answered masked. The statement period is 5 working days.',
    body: giveNoticeSchema,
    examples: {
      'legal representative named': {
        creditCode: '91350206MA31XM5K8N',
        caseId: '5b8e2f1a-9c3d-4e7f-a1b2-c3d4e5f6a7b8',
        persons: [{ name: '王某某', idNumber: '350206199001011230', role: 'LEGAL_REPRESENTATIVE' }],
      },
    },
    responses: {
      201: { description: '{ id, status: NOTIFIED, creditCode, caseId, noticeOn, statementBy }' },
    },
    errors: {
      404: 'no such case, or not one of the caller’s region',
      409: 'a procedure for this employer and case is under way or in force',
      422: 'the case is against another employer, or no order to pay passed unheeded',
    },
  })
  give(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.notice.execute(principal, validate(giveNoticeSchema, body));
  }

  @Get('procedures/:id')
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'A listing procedure with its persons (masked) and the audit of each step',
    params: procedureId,
    responses: { 200: { description: 'the procedure with persons and audit' } },
    errors: ON_A_PROCEDURE,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const row = await this.store.find(validate(uuidParam, id, 'procedure id'));
    if (!row || !maySee(principal, row.region_code)) throw ApiError.notFound(`no blacklist procedure ${id}`);
    return procedureView(row, await this.store.persons([row.id]), await this.store.auditOf(row.id));
  }

  @Post(':id/statement')
  @Allow('user')
  @ApiContract({
    summary: 'Record the employer’s statement (陈述申辩)',
    description: 'Within the 5 working days after the notice; once recorded the decision may be made.',
    params: procedureId,
    body: statementSchema,
    examples: { 'a statement': { text: '我司已筹措资金，将于本月底前支付全部拖欠工资' } },
    responses: { 201: { description: '{ id, status, statementRecorded: true }' } },
    errors: { ...ON_A_PROCEDURE, 409: 'decided already, a statement recorded, or the period over' },
  })
  state(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.statement.execute(
      principal,
      validate(uuidParam, id, 'procedure id'),
      validate(statementSchema, body),
    );
  }

  @Post(':id/decision')
  @Allow('user')
  @ApiContract({
    summary: 'Decide the listing (决定): 3 years on the list, or not',
    description:
      'After the statement or its period. Wages paid in full before the decision end the procedure ' +
      '(ENDED_BY_PAYMENT) whatever is asked.',
    params: procedureId,
    body: decisionSchema,
    examples: { listed: { listed: true, note: '经集体讨论决定列入' } },
    responses: {
      201: { description: '{ id, status: LISTED|NOT_LISTED|ENDED_BY_PAYMENT, decidedOn, listedUntil }' },
    },
    errors: { ...ON_A_PROCEDURE, 409: 'decided already, or the statement period still open' },
  })
  decide(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.decision.execute(
      principal,
      validate(uuidParam, id, 'procedure id'),
      validate(decisionSchema, body),
    );
  }

  @Post(':id/removal')
  @Allow('user')
  @ApiContract({
    summary: 'Remove a listing early (信用修复)',
    description:
      'When the arrears are paid, 6 months have passed since the decision and a written pledge is on file.',
    params: procedureId,
    body: removalSchema,
    examples: { 'with the pledge': { pledgeReference: '信用承诺书〔2026〕17号' } },
    responses: { 201: { description: '{ id, status: REMOVED, removedOn }' } },
    errors: {
      ...ON_A_PROCEDURE,
      409: 'not a listing in force',
      422: 'a condition of early removal is not met',
    },
  })
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.removal.execute(
      principal,
      validate(uuidParam, id, 'procedure id'),
      validate(removalSchema, body),
    );
  }
}
