import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UseCaseError, BlindIndex, LOGGER, SmsSender, type Logger } from '@wage/platform';
import type { RequestCode } from '../../dto/sign-in.dto';
import { SignInGuard } from '../../sign-in-guard';
import { WorkerRollRepository } from '../../worker-roll.repository';

const TOO_MANY = () =>
  new UseCaseError(
    'RATE_LIMITED',
    'TOO_MANY_CODE_REQUESTS',
    '获取验证码太频繁，请一小时后再试 (too many code requests for this identity, phone or address; try again in an hour)',
  );

/**
 * 获取验证码: sends a 6-digit code by SMS when the identity number and the phone number match a roll entry. The
 * answer is the same either way, and so is the work before it: the message goes out after the answer, and the code
 * exists only in it and as a keyed hash in Redis — never in a log, an event or a job.
 */
@Injectable()
export class RequestSignInCodeUseCase {
  constructor(
    private readonly blindIndex: BlindIndex,
    private readonly guard: SignInGuard,
    private readonly roll: WorkerRollRepository,
    private readonly sms: SmsSender,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: RequestCode, address: string): Promise<void> {
    const subject = {
      idHash: this.blindIndex.hash('id', request.idNumber),
      phoneHash: this.blindIndex.hash('phone', request.phone),
      addressHash: this.guard.addressHash(address),
    };
    if (!(await this.guard.takeCodeRequest(subject))) throw TOO_MANY();
    const locked = (await this.guard.lockedFor(subject)) > 0;
    const onRoll = await this.roll.hasPhone(subject.idHash, request.phone);
    if (locked || !onRoll) return;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.guard.storeCode(subject, this.guard.codeHash(subject, code));
    this.sms
      .send({ to: request.phone, text: `您的工资查询验证码是${code}，5分钟内有效。请勿告诉他人。` })
      .catch((error: Error) =>
        // The error names the masked number and the provider's status, never the text.
        this.logger.warn({ reason: error.message }, 'a sign-in code SMS was not sent'),
      );
  }
}
