import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiContract, clientAddress, Public, validate } from '@wage/platform';
import { openSessionSchema, requestCodeSchema } from './dto/sign-in.dto';
import { OpenWorkerSessionUseCase } from './use-cases/open-worker-session/open-worker-session.use-case';
import { RequestSignInCodeUseCase } from './use-cases/request-sign-in-code/request-sign-in-code.use-case';

const worker = { idNumber: '350206198805170012', phone: '13800000001' };

/** Workers' sign-in (workers' channel): an SMS code to the phone on the roll, then a 30-minute session. */
@Controller('api/v1/worker')
export class WorkerSignInController {
  constructor(
    private readonly requestCode: RequestSignInCodeUseCase,
    private readonly openSession: OpenWorkerSessionUseCase,
  ) {}

  @Post('codes')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiContract({
    summary: 'Send a worker a sign-in code by SMS (获取验证码)',
    description:
      'Always 202 with the same answer: the 6-digit code goes to the phone only when the identity number and the ' +
      'phone number match an entry of a real-name roll, so the answer never tells whether they do. The code is good ' +
      'for 5 minutes and 5 tries. Each identity number and each phone number may ask 5 times an hour, each address ' +
      'WORKER_CODE_REQUESTS_PER_ADDRESS times (429 TOO_MANY_CODE_REQUESTS).',
    body: requestCodeSchema,
    examples: { 'a worker on a roll': worker },
    responses: {
      202: {
        description: 'taken; an SMS follows if the numbers match a roll entry',
        example: { message: '如身份证号和手机号与实名册一致，验证码已发送到该手机，5分钟内有效' },
      },
    },
    errors: { 429: 'too many code requests for this identity number, phone number or address this hour' },
  })
  async codes(@Body() body: unknown, @Req() request: Request) {
    await this.requestCode.execute(validate(requestCodeSchema, body), clientAddress(request));
    return { message: '如身份证号和手机号与实名册一致，验证码已发送到该手机，5分钟内有效' };
  }

  @Post('sessions')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Sign a worker in with the SMS code (登录)',
    description:
      'Answers a WORKER session token (30 minutes, WORKER_SESSION_TTL_SECONDS) that reads only this worker’s own ' +
      'pay on /worker/* and is admitted by no other endpoint. A wrong or expired code is 401 CODE_INVALID; after 5 ' +
      'wrong codes for the identity number or the phone number, sign-in is locked for 15 minutes (429 ' +
      'WORKER_SIGN_IN_LOCKED) and the pending code is void.',
    body: openSessionSchema,
    examples: { 'the code from the SMS': { ...worker, code: '482913' } },
    responses: {
      200: { description: 'signed in', example: { accessToken: 'eyJhbGciOiJIUzI1NiJ9…', expiresIn: 1800 } },
    },
    errors: {
      401: 'the code is wrong or has expired (CODE_INVALID)',
      429: 'locked after 5 wrong codes (WORKER_SIGN_IN_LOCKED): wait the minutes the message says',
    },
  })
  sessions(@Body() body: unknown, @Req() request: Request) {
    return this.openSession.execute(validate(openSessionSchema, body), clientAddress(request));
  }
}
