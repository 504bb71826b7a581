import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { uuidParam } from '../common/fields';
import {
  closeCaseSchema,
  listCasesSchema,
  openCaseSchema,
  recordActionSchema,
  recordRecoverySchema,
} from './dto/case.dto';
import { GetCaseDocumentUseCase } from './use-cases/get-case-document/get-case-document.use-case';
import { CloseCaseUseCase } from './use-cases/close-case/close-case.use-case';
import { ListCasesUseCase } from './use-cases/list-cases/list-cases.use-case';
import { OpenCaseUseCase } from './use-cases/open-case/open-case.use-case';
import { RecordActionUseCase } from './use-cases/record-action/record-action.use-case';
import { RecordRecoveryUseCase } from './use-cases/record-recovery/record-recovery.use-case';

const caseId = {
  id: { description: 'the case id (a UUID)', example: '5b8e2f1a-9c3d-4e7f-a1b2-c3d4e5f6a7b8' },
};
const ON_A_CASE = {
  404: 'no such case, or not one the caller may see',
  409: 'the case is closed',
};

@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly openCase: OpenCaseUseCase,
    private readonly cases: ListCasesUseCase,
    private readonly recordAction: RecordActionUseCase,
    private readonly closeCase: CloseCaseUseCase,
    private readonly recordRecovery: RecordRecoveryUseCase,
    private readonly documents: GetCaseDocumentUseCase,
  ) {}

  @Post()
  @Allow('user')
  @ApiContract({
    summary: 'Open a case (立案) from an alert or for a project',
    description:
      "For inspectors. From an alert, its evidence is copied in and the wages it shows owed become the case's. The " +
      'investigation closes within 60 working days of today.',
    body: openCaseSchema,
    examples: {
      'from an alert': { alertId: '3d0c7a52-1f6e-4b8a-9c2d-5e7f8a9b0c1d' },
      'from a site visit': { projectCode: 'XM-2026-001', summary: '现场检查发现9月工资未按时足额支付' },
    },
    responses: { 201: { description: '{ id, closeBy }' } },
    errors: {
      404: 'no such alert or project, or not one the caller may see',
      409: 'the alert already has a case',
    },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('authorization') authorization: string,
  ) {
    return this.openCase.execute(principal, validate(openCaseSchema, body), authorization);
  }

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "Cases of the caller's region, with their clocks",
    query: listCasesSchema,
    queryExample: { status: 'OPEN', regionCode: '350206', overdue: 'true', page: 1, pageSize: 50 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }' } },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.cases.list(principal, validate(listCasesSchema, query, 'query'));
  }

  @Get(':id')
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'A case with its timeline, clocks, actions and recoveries',
    params: caseId,
    responses: { 200: { description: 'the case; owed, recovered and outstanding wages in yuan' } },
    errors: { 404: 'no such case, or not one the caller may see' },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.cases.get(principal, validate(uuidParam, id, 'case id'));
  }

  @Get(':id/documents/:actionId')
  @Allow('admin', 'user')
  @ApiContract({
    summary: "An action's document as a PDF in Chinese (指令书, 决定书, 移送书…)",
    description:
      'The order, decision, summons, record or transfer an action of the case produced, addressed, with its legal ' +
      'basis, amount, deadline and (for a decision) the rights of review, set in an embedded Chinese font. Identity ' +
      'and card numbers in the notes are masked; no complainant is named.',
    params: {
      ...caseId,
      actionId: {
        description: "the action's id, from the case's actions",
        example: '9a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d',
      },
    },
    file: { mediaType: 'application/pdf' },
    responses: { 200: { description: 'the PDF (Content-Disposition names the document and its number)' } },
    errors: { 404: 'no such case or action, or not one the caller may see' },
  })
  async document(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('actionId') actionId: string,
  ) {
    const file = await this.documents.execute(
      principal,
      validate(uuidParam, id, 'case id'),
      validate(uuidParam, actionId, 'action id'),
    );
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      length: file.pdf.length,
    });
  }

  @Post(':id/actions')
  @Allow('user')
  @ApiContract({
    summary: 'Record an action on a case',
    description:
      "For inspectors. A penalty outside its article's range, extra compensation outside 50–100 % of the wages " +
      'owed, or a second extension is 422. A rectification order on a case about a project is watched by the rules ' +
      "engine for its months (`month`, else the alert's month, else the complaint's period): its deadline passing " +
      'with the violation still in the data raises RECTIFICATION_OVERDUE.',
    params: caseId,
    body: recordActionSchema,
    examples: {
      'a rectification order to pay': {
        kind: 'RECTIFICATION_ORDER',
        at: '2026-10-12T09:30:00+08:00',
        note: '责令于10月19日前足额支付9月工资',
        deadline: '2026-10-19',
        amount: '24000.00',
        documentNo: '厦湖人社监令〔2026〕12号',
        month: '2026-09',
      },
    },
    responses: {
      201: { description: '{ id, caseId, kind, clock, watchedMonths? } (watchedMonths: an order)' },
    },
    errors: { ...ON_A_CASE, 422: 'outside what the law allows: a penalty range, 50–100 %, one extension' },
  })
  act(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.recordAction.execute(
      principal,
      validate(uuidParam, id, 'case id'),
      validate(recordActionSchema, body),
    );
  }

  @Post(':id/recoveries')
  @Allow('user')
  @ApiContract({
    summary: 'Record wages recovered for the case (清欠)',
    params: caseId,
    body: recordRecoverySchema,
    examples: { 'paid in full': { amount: '24000.00', workers: 3, paidOn: '2026-10-18', note: '银行代发' } },
    responses: { 201: { description: '{ id, caseId, wages: { owed, recovered, outstanding } }' } },
    errors: { 404: 'no such case, or not one the caller may see', 422: 'more than the wages outstanding' },
  })
  recover(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.recordRecovery.execute(
      principal,
      validate(uuidParam, id, 'case id'),
      validate(recordRecoverySchema, body),
    );
  }

  @Post(':id/close')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Close a case (结案) with a code and a finding',
    description: "A finding of unpaid wages is published as the employer's record, by credit code.",
    params: caseId,
    body: closeCaseSchema,
    examples: {
      'handled, wages paid': {
        code: 'HANDLED',
        finding: { unpaidWages: true, violations: ['拖欠农民工工资'] },
        summary: '经责令改正，已足额支付拖欠工资',
      },
    },
    responses: { 200: { description: '{ id, status: CLOSED, code, withinLimit }' } },
    errors: { ...ON_A_CASE, 422: "a finding of unpaid wages without the employer's credit code" },
  })
  close(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.closeCase.execute(
      principal,
      validate(uuidParam, id, 'case id'),
      validate(closeCaseSchema, body),
    );
  }
}
