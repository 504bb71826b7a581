import { Injectable } from '@nestjs/common';
import { ApiError } from '@wage/platform';
import type { CreateUserRequest } from '../../dto/user.dto';
import { hashPassword } from '../../password-hash';
import { UserDirectory, type User } from '../../user-directory';

@Injectable()
export class CreateUserUseCase {
  constructor(private readonly users: UserDirectory) {}

  /** Registers a user; the answer is the user without the password. */
  async execute(request: CreateUserRequest): Promise<User> {
    const user: User = {
      username: request.username,
      role: request.role,
      regionCode: request.regionCode,
      displayName: request.displayName,
      email: request.email ?? null,
      webhookUrl: request.webhookUrl ?? null,
      wecomWebhook: request.wecomWebhook ?? null,
      dingtalkWebhook: request.dingtalkWebhook ?? null,
    };
    const inserted = await this.users.insert({ ...user, passwordHash: await hashPassword(request.password) });
    if (!inserted) {
      throw ApiError.conflict(
        'USER_EXISTS',
        `a user named ${request.username} exists already; pick another username`,
      );
    }
    return user;
  }
}
