import { Injectable } from '@nestjs/common';
import { ApiError, type Principal } from '@wage/platform';
import { AlertRepository } from '../../alert-repository';
import { toAlertView, type AlertView } from '../../alert-view';
import { AuditLog } from '../../audit-log';
import type { ListAlertsQuery } from '../../dto/alert.dto';

@Injectable()
export class ListAlertsUseCase {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The caller's alerts, filtered and paged; filters narrow the caller's scope, never widen it. */
  async list(principal: Principal, query: ListAlertsQuery) {
    const { page, pageSize, ...filters } = query;
    const { items, total } = await this.alerts.list(principal, filters, page, pageSize);
    const views = await Promise.all(items.map(async (a) => toAlertView(a, await this.audit.history(a.id))));
    return { items: views, total, page, pageSize };
  }

  /** One alert with its history; another region's (or project's) alert is a 404, as if it did not exist. */
  async get(principal: Principal, id: string): Promise<AlertView> {
    const alert = await this.alerts.findVisible(principal, id);
    if (!alert) throw ApiError.notFound(`no alert ${id}`);
    return toAlertView(alert, await this.audit.history(alert.id));
  }
}
