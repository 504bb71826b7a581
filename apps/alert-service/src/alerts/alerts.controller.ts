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
import { map, type Observable } from 'rxjs';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { AlertStream } from './alert-stream';
import {
  acknowledgeSchema,
  assignSchema,
  dismissSchema,
  listAlertsSchema,
  resolveSchema,
} from './dto/alert.dto';
import { ChangeAlertStatusUseCase } from './use-cases/change-alert-status/change-alert-status.use-case';
import { ListAlertsUseCase } from './use-cases/list-alerts/list-alerts.use-case';

@Controller('api/v1/alerts')
export class AlertsController {
  constructor(
    private readonly listAlerts: ListAlertsUseCase,
    private readonly changeStatus: ChangeAlertStatusUseCase,
    private readonly stream: AlertStream,
  ) {}

  @Get()
  @Allow('admin', 'user', 'project')
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.listAlerts.list(principal, validate(listAlertsSchema, query, 'query'));
  }

  /** Server-sent events of the caller's region; a browser's EventSource passes its token as ?access_token=. */
  @Sse('stream')
  @Allow('user')
  live(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.stream.for(principal).pipe(map((message) => ({ type: message.event, data: message })));
  }

  @Get(':id')
  @Allow('admin', 'user', 'project')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.listAlerts.get(principal, id);
  }

  @Post(':id/acknowledge')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { note } = validate(acknowledgeSchema, body ?? {});
    return this.changeStatus.execute(principal, id, { action: 'acknowledge', note });
  }

  @Post(':id/assign')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  assign(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { username, note } = validate(assignSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'assign', assignee: username, note });
  }

  @Post(':id/resolve')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  resolve(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { note } = validate(resolveSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'resolve', note });
  }

  @Post(':id/dismiss')
  @Allow('user')
  @HttpCode(HttpStatus.OK)
  dismiss(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown) {
    const { reason } = validate(dismissSchema, body);
    return this.changeStatus.execute(principal, id, { action: 'dismiss', note: reason });
  }
}
