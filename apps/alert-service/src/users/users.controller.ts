import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Allow, ApiContract, clientAddress, Public, validate } from '@wage/platform';
import { createUserSchema, loginSchema } from './dto/user.dto';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { LogInUseCase } from './use-cases/log-in/log-in.use-case';

@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly logIn: LogInUseCase,
  ) {}

  @Post('users')
  @Allow('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiContract({
    summary: 'Create a user',
    description:
      'An inspector (监察员) or leader sees their region and the regions inside it; an administrator everything. ' +
      'Notifications go to the e-mail and webhooks given; a webhook on a loopback, private or link-local address ' +
      'is refused (400 WEBHOOK_ADDRESS_NOT_ALLOWED) unless the administrator allow-lists it (WEBHOOK_ALLOWED_HOSTS).',
    body: createUserSchema,
    examples: {
      'an inspector of Haicang': {
        username: 'wang.jianguo',
        password: 'Haicang-2026-inspector',
        role: 'INSPECTOR',
        regionCode: '350206',
        displayName: '王建国',
        email: 'wang.jianguo@example.gov.cn',
        wecomWebhook:
          'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-0000-0000-0000-000000000000',
      },
    },
    responses: { 201: { description: 'created; the user without the password' } },
    errors: { 409: 'the username is taken' },
  })
  create(@Body() body: unknown) {
    return this.createUser.execute(validate(createUserSchema, body));
  }

  @Post('auth/login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Log in',
    description: 'Answers an access token to send as `Authorization: Bearer <token>`.',
    body: loginSchema,
    examples: { 'the demo inspector': { username: 'inspector', password: 'demo-inspector-password' } },
    responses: { 200: { description: 'logged in', example: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.…' } } },
    errors: {
      401: 'unknown username or wrong password',
      413: 'a body over 8 KB (PUBLIC_BODY_LIMIT_BYTES): an endpoint anyone may call reads only small bodies',
      429: 'too many failures for this username from this address: wait the time the message says',
    },
  })
  login(@Body() body: unknown, @Req() req: Request) {
    return this.logIn.execute(validate(loginSchema, body), clientAddress(req));
  }
}
