import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { Allow, ApiContract, ApiError, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { AlertRepository } from '../alerts/alert.repository';
import { NotificationRepository } from './notification.repository';

const querySchema = z.strictObject({
  alertId: z.uuid('must be an alert id'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly log: NotificationRepository,
  ) {}

  /** The delivery log of one alert: who, which channel, why, status, attempts and errors (never addresses). */
  @Get()
  @Allow('admin', 'user')
  @ApiContract({
    summary: "An alert's notification log",
    description:
      'Who was notified, by which channel and why, with status, attempts and errors (never addresses).',
    query: querySchema,
    queryExample: { alertId: '3d0c7a52-1f6e-4b8a-9c2d-5e7f8a9b0c1d', page: 1, pageSize: 100 },
    responses: { 200: { description: 'one page: { items, total, page, pageSize }' } },
    errors: { 404: 'no such alert, or not one the caller may see' },
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { alertId, page, pageSize } = validate(querySchema, query, 'query');
    if (!(await this.alerts.findVisible(principal, alertId))) throw ApiError.notFound(`no alert ${alertId}`);
    const { items, total } = await this.log.forAlert(alertId, page, pageSize);
    return {
      items: items.map(({ dedupeKey: _key, createdAt, updatedAt, sentAt, ...rest }) => ({
        ...rest,
        createdAt: createdAt.toISOString(),
        updatedAt: updatedAt.toISOString(),
        sentAt: sentAt?.toISOString() ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }
}
