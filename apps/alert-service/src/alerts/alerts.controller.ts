import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import {
  Allow,
  ApiContract,
  ApiError,
  CurrentPrincipal,
  validate,
  type Principal,
  Clock,
} from '@wage/platform';

const alertId = {
  id: { description: 'the alert id (a UUID)', example: '3d0c7a52-1f6e-4b8a-9c2d-5e7f8a9b0c1d' },
};
const TRANSITION = {
  404: 'no such alert, or not one the caller may see',
  409: 'the alert is not in a status that allows this',
};
import { AlertStream } from './alert-stream';
import {
  acknowledgeSchema,
  assignSchema,
  dismissSchema,
  listAlertsSchema,
  resolveSchema,
} from './dto/alert.dto';
import { alertAnswer, alertPageAnswer, assigneesAnswer } from './dto/alert-answers.dto';
import { ChangeAlertStatusUseCase } from './use-cases/change-alert-status/change-alert-status.use-case';
import { ListAlertsUseCase } from './use-cases/list-alerts/list-alerts.use-case';

@Controller('api/v1/alerts')
export class AlertsController {
  constructor(
    private readonly listAlerts: ListAlertsUseCase,
    private readonly changeStatus: ChangeAlertStatusUseCase,
    private readonly stream: AlertStream,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('admin', 'user', 'project')
  @ApiContract({
    summary: 'Alerts, filtered and paged',
    description:
      "A user sees their region's alerts, a project its own. Newest first, or with sort=urgency most severe " +
      'first and then the longest raised; open=true keeps the alerts still to be handled (OPEN, ACKNOWLEDGED). ' +
      '`counts` is the caseload of the scope (within regionCode if given) whatever the other filters: open ' +
      '(待签收), acknowledged (处理中) and overdue (已超时: not acknowledged by the escalation deadline). Each alert ' +
      'carries its `escalation` deadline while it waits to be acknowledged.',
    query: listAlertsSchema,
    queryExample: {
      open: 'true',
      sort: 'urgency',
      severity: 'RED',
      regionCode: '350206',
      month: '2026-10',
      page: 1,
      pageSize: 50,
    },
    responses: {
      200: {
        description:
          'one page: { items, total, totalCapped, page, pageSize, counts }; `total` counts up to 10,000 ' +
          '(`totalCapped: true` beyond)',
        schema: alertPageAnswer,
      },
    },
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.listAlerts.list(principal, validate(listAlertsSchema, query, 'query'));
  }

  /** Server-sent events of the caller's region; a browser's EventSource passes its token as ?access_token=. */
  @Sse('stream')
  @Allow('user')
  @ApiContract({
    summary: "Live alerts of the caller's region (server-sent events)",
    description:
      "Events alert.raised, alert.updated, alert.escalated, alert.cleared, each with the alert. A browser's " +
      'EventSource, which cannot set headers, may pass its token as ?access_token=. The stream ends when the ' +
      'token expires, with a last stream.expired event; a user may hold a few streams at once.',
    eventStream: true,
    responses: { 200: { description: 'a text/event-stream that stays open until the token expires' } },
    errors: { 429: 'the user already has as many streams open as allowed' },
  })
  live(@CurrentPrincipal() principal: Principal): Promise<Observable<MessageEvent>> {
    if (principal.kind !== 'user') throw ApiError.forbidden('the live stream is for users');
    return this.stream.open(principal, this.clock.now());
  }

  @Get(':id')
  @Allow('admin', 'user', 'project')
  @ApiContract({
    summary: 'An alert with its evidence and history',
    params: alertId,
    responses: {
      200: {
        description: 'the alert; evidence shows identity and card numbers only masked',
        schema: alertAnswer,
      },
    },
    errors: { 404: 'no such alert, or not one the caller may see' },
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.listAlerts.get(principal, id);
  }

  @Get(':id/assignees')
  @Allow('user')
  @ApiContract({
    summary: 'Who may take an alert',
    description:
      "The inspectors and leaders whose region covers the alert's region, nearest region first: the people " +
      'POST /alerts/{id}/assign accepts.',
    params: alertId,
    responses: {
      200: {
        description: '{ items: [{ username, displayName, role, regionCode }] }',
        schema: assigneesAnswer,
        example: {
          items: [
            { username: 'wang.jianguo', displayName: '王建国', role: 'INSPECTOR', regionCode: '350206' },
          ],
        },
      },
    },
    errors: { 404: 'no such alert, or not one the caller may see' },
  })
  assignees(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.listAlerts.assignees(principal, id);
  }

  @Post(':id/acknowledge')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Acknowledge an alert (签收)',
    params: alertId,
    body: acknowledgeSchema,
    examples: { 'with a note': { note: '已联系总包单位核实情况' } },
    responses: { 200: { description: 'the alert, ACKNOWLEDGED', schema: alertAnswer } },
    errors: TRANSITION,
  })
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { note } = validate(acknowledgeSchema, body ?? {});
    return this.changeStatus.execute(principal, id, { action: 'acknowledge', note });
  }

  @Post(':id/assign')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Assign an alert to a user',
    params: alertId,
    body: assignSchema,
    examples: {
      'to an inspector of the district': { username: 'wang.jianguo', note: '请实地核查考勤与工资发放' },
    },
    responses: { 200: { description: 'the alert with its assignee', schema: alertAnswer } },
    errors: TRANSITION,
  })
  assign(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { username, note } = validate(assignSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'assign', assignee: username, note });
  }

  @Post(':id/resolve')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Resolve an alert (办结)',
    params: alertId,
    body: resolveSchema,
    examples: { 'wages paid': { note: '已约谈总包单位，10月工资已足额补发，银行流水已核对' } },
    responses: { 200: { description: 'the alert, RESOLVED', schema: alertAnswer } },
    errors: TRANSITION,
  })
  resolve(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { note } = validate(resolveSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'resolve', note });
  }

  @Post(':id/dismiss')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Dismiss an alert as unfounded',
    params: alertId,
    body: dismissSchema,
    examples: { 'a duplicate report': { reason: '重复上报，已在另一预警中处理' } },
    responses: { 200: { description: 'the alert, DISMISSED', schema: alertAnswer } },
    errors: TRANSITION,
  })
  dismiss(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { reason } = validate(dismissSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'dismiss', note: reason });
  }
}
