import { Injectable } from '@nestjs/common';
import { UseCaseError, type Principal, Clock } from '@wage/platform';
import { UserRepository } from '../../../users/user.repository';
import { ESCALATE_AFTER_HOURS, regionsAbove } from '../../../notifications/routing';
import { AlertRepository } from '../../alert.repository';
import { toAlertView, type AlertView } from '../../alert-view';
import { AuditLogRepository } from '../../audit-log.repository';
import type { ListAlertsQuery } from '../../dto/alert.dto';

@Injectable()
export class ListAlertsUseCase {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly audit: AuditLogRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller's alerts, filtered, sorted and paged; filters narrow the caller's scope, never widen it. `counts`
   * is the caseload of the caller's scope (within `regionCode` if given), whatever the other filters.
   */
  async list(principal: Principal, query: ListAlertsQuery) {
    const { page, pageSize, sort, open, ...rest } = query;
    const filters = { ...rest, open: open === undefined ? undefined : open === 'true' };
    const [{ items, total, totalCapped }, counts] = await Promise.all([
      this.alerts.list(principal, filters, page, pageSize, sort),
      this.alerts.counts(principal, query.regionCode, ESCALATE_AFTER_HOURS, this.clock.now()),
    ]);
    const histories = await this.audit.histories(items.map((a) => a.id));
    const views = items.map((a) => toAlertView(a, histories.get(a.id)!));
    return { items: views, total, totalCapped, page, pageSize, counts };
  }

  /** The inspectors and leaders who may take the alert: those whose region covers the alert's, nearest first. */
  async assignees(principal: Principal, id: string) {
    const alert = await this.alerts.findVisible(principal, id);
    if (!alert) throw UseCaseError.notFound(`no alert ${id}`);
    const regions = [alert.regionCode, ...regionsAbove(alert.regionCode)];
    const people = [
      ...(await this.users.inRegions('INSPECTOR', regions)),
      ...(await this.users.inRegions('LEADER', regions)),
    ];
    const items = people
      .map(({ username, displayName, role, regionCode }) => ({ username, displayName, role, regionCode }))
      .sort(
        (a, b) =>
          regions.indexOf(a.regionCode) - regions.indexOf(b.regionCode) ||
          a.role.localeCompare(b.role) ||
          a.username.localeCompare(b.username),
      );
    return { items };
  }

  /** One alert with its history; another region's (or project's) alert is a 404, as if it did not exist. */
  async get(principal: Principal, id: string): Promise<AlertView> {
    const alert = await this.alerts.findVisible(principal, id);
    if (!alert) throw UseCaseError.notFound(`no alert ${id}`);
    return toAlertView(alert, await this.audit.history(alert.id));
  }
}
