import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { uuidParam } from '../common/fields';
import {
  acceptComplaintSchema,
  listComplaintsSchema,
  refuseComplaintSchema,
  receiveSupplementSchema,
  requestSupplementSchema,
  submitComplaintSchema,
} from './dto/complaint.dto';
import { DecideComplaintUseCase } from './use-cases/decide-complaint/decide-complaint.use-case';
import { ListComplaintsUseCase } from './use-cases/list-complaints/list-complaints.use-case';
import { ReceiveSupplementUseCase } from './use-cases/receive-supplement/receive-supplement.use-case';
import { SubmitComplaintUseCase } from './use-cases/submit-complaint/submit-complaint.use-case';

const complaintId = {
  id: { description: 'the complaint id (a UUID)', example: '8f14e45f-ceea-4e7a-9f6b-1c2d3e4f5a6b' },
};
const DECISION = {
  404: 'no such complaint, or not one the caller may see',
  409: 'the complaint was already accepted or refused',
};

@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly submit: SubmitComplaintUseCase,
    private readonly decide: DecideComplaintUseCase,
    private readonly complaints: ListComplaintsUseCase,
    private readonly supplement: ReceiveSupplementUseCase,
  ) {}

  @Post()
  @Allow('user')
  @ApiContract({
    summary: 'Receive a complaint, report or arrears clue (投诉、举报、欠薪线索)',
    description:
      'Starts its acceptance clock: 5 working days of the official calendar. One about the same employer and an ' +
      "overlapping period is linked to the earlier one (duplicateOf). The complainant's identity and phone numbers " +
      "are stored encrypted and shown only masked; a confidential reporter only to the case's inspectors.",
    body: submitComplaintSchema,
    examples: {
      'an arrears clue from a worker on site': {
        kind: 'CLUE',
        complainant: { name: '张三', idNumber: '350206199001011230', phone: '13800001234' },
        employer: {
          name: '厦门某建设工程有限公司',
          creditCode: '91350206MA31XM5K8N',
          address: '厦门市湖里区',
        },
        projectCode: 'XM-2026-001',
        regionCode: '350206',
        periodFrom: '2026-08',
        periodTo: '2026-09',
        amountOwed: '24000.00',
        workersAffected: 3,
        description: '8月、9月工资未发放，班组长称总包未拨款',
      },
    },
    responses: { 201: { description: '{ id, acceptBy, duplicateOf }' } },
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.submit.execute(principal, validate(submitComplaintSchema, body));
  }

  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "The intake queue of the caller's region, with acceptance clocks",
    query: listComplaintsSchema,
    queryExample: { status: 'PENDING', regionCode: '350206', page: 1, pageSize: 50 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }, closest deadline first' } },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.complaints.list(principal, validate(listComplaintsSchema, query, 'query'));
  }

  @Get(':id')
  @Allow('admin', 'user')
  @ApiContract({
    summary: 'A complaint with its acceptance clock and decision',
    params: complaintId,
    responses: { 200: { description: 'the complaint; numbers masked, a confidential reporter hidden' } },
    errors: { 404: 'no such complaint, or not one the caller may see' },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.complaints.get(principal, validate(uuidParam, id, 'complaint id'));
  }

  @Post(':id/accept')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Accept a complaint (受理/立案): opens a case',
    description: 'For inspectors. The case clock starts today: 60 working days.',
    params: complaintId,
    body: acceptComplaintSchema,
    examples: { accepted: { note: '材料齐全，予以受理' } },
    responses: { 200: { description: '{ caseId, closeBy, acceptedWithinLimit }' } },
    errors: DECISION,
  })
  accept(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { note } = validate(acceptComplaintSchema, body ?? {});
    return this.decide.execute(principal, validate(uuidParam, id, 'complaint id'), {
      action: 'accept',
      note,
    });
  }

  @Post(':id/refuse')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Refuse a complaint in writing (不予受理), saying where to go instead',
    params: complaintId,
    body: refuseComplaintSchema,
    examples: {
      'a labour dispute': {
        reason: '属劳动争议，不属于劳动保障监察范围',
        redirectTo: '厦门市湖里区劳动人事争议仲裁委员会',
      },
    },
    responses: { 200: { description: '{ id, status: REFUSED }' } },
    errors: DECISION,
  })
  refuse(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { reason, redirectTo } = validate(refuseComplaintSchema, body);
    return this.decide.execute(principal, validate(uuidParam, id, 'complaint id'), {
      action: 'refuse',
      reason,
      redirectTo,
    });
  }

  @Post(':id/request-supplement')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Ask the complainant for a supplement (待补正)',
    params: complaintId,
    body: requestSupplementSchema,
    examples: { 'the project is missing': { what: '请补充所在项目名称及欠薪月份的考勤记录' } },
    responses: { 200: { description: '{ id, status: SUPPLEMENT_REQUESTED }' } },
    errors: DECISION,
  })
  requestSupplement(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { what } = validate(requestSupplementSchema, body);
    return this.decide.execute(principal, validate(uuidParam, id, 'complaint id'), {
      action: 'request-supplement',
      what,
    });
  }

  @Post(':id/supplement')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary:
      'Enter the supplement a complaint was sent back for (补正材料): its acceptance clock starts again',
    description:
      'For inspectors. The complaint is undecided again and must be accepted, refused or sent back within 5 ' +
      'working days of the day the supplement arrived.',
    params: complaintId,
    body: receiveSupplementSchema,
    examples: { 'the attendance records': { text: '已补充2026年7月、8月考勤记录及项目名称' } },
    responses: { 200: { description: '{ id, status: PENDING, acceptBy }' } },
    errors: {
      404: 'no such complaint, or not one the caller may see',
      409: 'NOT_AWAITING_SUPPLEMENT: no supplement was asked for, or the complaint is decided',
    },
  })
  receiveSupplement(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { text } = validate(receiveSupplementSchema, body);
    return this.supplement.execute(principal, validate(uuidParam, id, 'complaint id'), text);
  }
}
