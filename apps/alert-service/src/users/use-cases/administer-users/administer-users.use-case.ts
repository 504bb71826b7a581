import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { describePrincipal, UseCaseError, type Principal, Clock } from '@wage/platform';
import type { ChangeUserRequest, ListUsersQuery } from '../../dto/user.dto';
import { hashPassword } from '../../password-hash';
import { UserRepository, type UserListing } from '../../user.repository';

/** A user as the administrator sees them (no password hash, no webhook addresses). */
export interface UserView {
  username: string;
  role: UserListing['role'];
  regionCode: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

const view = (user: UserListing): UserView => ({
  username: user.username,
  role: user.role,
  regionCode: user.regionCode,
  displayName: user.displayName,
  email: user.email,
  disabled: user.disabledAt !== null,
  disabledAt: user.disabledAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

/**
 * The administrator's users: listed with disabled ones, and changed — disabled or enabled, the password reset, the
 * role, region or name changed — each change recorded in the append-only user change log in the same transaction.
 */
@Injectable()
export class AdministerUsersUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: ListUsersQuery) {
    const { page, pageSize, disabled, ...filters } = query;
    const { items, total } = await this.users.list(
      { ...filters, disabled: disabled === undefined ? undefined : disabled === 'true' },
      page,
      pageSize,
    );
    return { items: items.map(view), total, page, pageSize };
  }

  async change(principal: Principal, username: string, request: ChangeUserRequest) {
    const actor = describePrincipal(principal);
    const self = principal.kind === 'user' && principal.username === username;
    if (self && request.disabled === true) {
      throw UseCaseError.conflict('CANNOT_DISABLE_SELF', 'an administrator cannot disable their own account');
    }
    if (self && request.role !== undefined && request.role !== 'ADMIN') {
      throw UseCaseError.conflict(
        'CANNOT_DEMOTE_SELF',
        '管理员不能取消自己的管理员角色，请由另一位管理员操作 (an administrator cannot take away their own ADMIN role)',
      );
    }
    const passwordHash = request.password === undefined ? undefined : await hashPassword(request.password);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.lockListing(manager, username);
      if (!before) throw UseCaseError.notFound(`no user ${username}`);
      const role = request.role ?? before.role;
      const regionCode = request.regionCode ?? before.regionCode;
      if (role === 'GRID_ASSISTANT' && regionCode.length !== 9 && regionCode.length !== 12) {
        throw UseCaseError.invalid(
          `网格协管员只负责一个网格：请同时把 regionCode 改为 9 位街道/乡镇或 12 位社区/村代码（现为 ${regionCode}）`,
          [{ field: 'regionCode', message: 'a grid assistant covers one grid: a 9- or 12-digit code' }],
        );
      }
      const disabledAt =
        request.disabled === undefined ? undefined : request.disabled ? (before.disabledAt ?? now) : null;
      await this.users.update(manager, username, {
        role: request.role,
        regionCode: request.regionCode,
        displayName: request.displayName,
        passwordHash,
        disabledAt,
      });
      // The log records what changed, not what was sent: a field sent with the value it had is no change.
      const changes: Record<string, unknown> = {};
      if (request.role !== undefined && request.role !== before.role) changes.role = request.role;
      if (request.regionCode !== undefined && request.regionCode !== before.regionCode)
        changes.regionCode = request.regionCode;
      if (request.displayName !== undefined && request.displayName !== before.displayName)
        changes.displayName = request.displayName;
      if (request.disabled !== undefined && request.disabled !== (before.disabledAt !== null))
        changes.disabled = request.disabled;
      if (request.password !== undefined) changes.password = 'RESET';
      if (Object.keys(changes).length > 0)
        await this.users.recordChange(manager, username, { at: now, actor, changes });
      return view((await this.users.lockListing(manager, username))!);
    });
  }
}
