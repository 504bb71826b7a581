import { Inject, Injectable } from '@nestjs/common';
import { UseCaseError, BlindIndex, signWorkerToken, Clock } from '@wage/platform';
import type { WorkerChannelSettings } from '../../../config/env';
import type { OpenSession } from '../../dto/sign-in.dto';
import { SignInGuard } from '../../sign-in-guard';
import { WORKER_CHANNEL_SETTINGS } from '../../tokens';

export interface WorkerSession {
  accessToken: string;
  expiresIn: number;
}

/** 登录: exchanges the SMS code for a WORKER session token; five wrong codes lock sign-in for 15 minutes. */
@Injectable()
export class OpenWorkerSessionUseCase {
  constructor(
    private readonly blindIndex: BlindIndex,
    private readonly guard: SignInGuard,
    private readonly clock: Clock,
    @Inject(WORKER_CHANNEL_SETTINGS) private readonly settings: WorkerChannelSettings,
  ) {}

  async execute(request: OpenSession, address: string): Promise<WorkerSession> {
    const subject = {
      idHash: this.blindIndex.hash('id', request.idNumber),
      phoneHash: this.blindIndex.hash('phone', request.phone),
      addressHash: this.guard.addressHash(address),
    };
    const wait = await this.guard.lockedFor(subject);
    if (wait > 0) {
      throw new UseCaseError(
        'RATE_LIMITED',
        'WORKER_SIGN_IN_LOCKED',
        `验证码错误次数过多，请${Math.ceil(wait / 60)}分钟后重新获取验证码 (too many wrong codes; wait ${wait} s)`,
      );
    }
    if (!(await this.guard.redeem(subject, this.guard.codeHash(subject, request.code)))) {
      throw new UseCaseError(
        'UNAUTHENTICATED',
        'CODE_INVALID',
        '验证码不正确或已过期，请核对短信或重新获取 (the code is wrong or expired; check the SMS or ask for a new one)',
      );
    }
    const ttl = this.settings.sessionTtlSeconds;
    return {
      accessToken: signWorkerToken(subject.idHash, this.settings.jwtSecret, ttl, this.clock.now()),
      expiresIn: ttl,
    };
  }
}
