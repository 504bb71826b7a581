import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  Allow,
  ApiContract,
  clientAddress,
  CurrentPrincipal,
  Public,
  validate,
  type Principal,
} from '@wage/platform';
import {
  changeUserSchema,
  createdUserAnswer,
  createUserSchema,
  listUsersSchema,
  loginAnswer,
  loginSchema,
  userAnswer,
  userPageAnswer,
} from './dto/user.dto';
import { AdministerUsersUseCase } from './use-cases/administer-users/administer-users.use-case';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { LogInUseCase } from './use-cases/log-in/log-in.use-case';

@Controller('api/v1')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly logIn: LogInUseCase,
    private readonly administer: AdministerUsersUseCase,
  ) {}

  @Get('users')
  @Allow('admin')
  @ApiContract({
    summary: 'Users, disabled ones included',
    description: 'For the administrator: every user with role, region and whether disabled; no passwords.',
    query: listUsersSchema,
    queryExample: { role: 'INSPECTOR', regionCode: '350206', page: 1, pageSize: 50 },
    responses: {
      200: {
        description: 'one page: { items, total, page, pageSize }',
        schema: userPageAnswer,
        example: {
          items: [
            {
              username: 'wang.jianguo',
              role: 'INSPECTOR',
              regionCode: '350206',
              displayName: '王建国',
              email: 'wang.jianguo@example.gov.cn',
              disabled: false,
              disabledAt: null,
              createdAt: '2026-11-02T01:00:00.000Z',
            },
          ],
          total: 1,
          page: 1,
          pageSize: 50,
        },
      },
    },
  })
  list(@Query() query: unknown) {
    return this.administer.list(validate(listUsersSchema, query, 'query'));
  }

  @Patch('users/:username')
  @Allow('admin')
  @ApiContract({
    summary: 'Change a user: disable or enable, reset the password, change role, region or name',
    description:
      'A disabled user cannot log in (a token already issued lapses within ACCESS_TOKEN_TTL_SECONDS), is not ' +
      'notified and is not offered or accepted as an assignee; their history stays. Every change is recorded ' +
      'with who made it (a password reset as such, never the password).',
    params: { username: { description: 'the username', example: 'wang.jianguo' } },
    body: changeUserSchema,
    examples: {
      'disable a user who left': { disabled: true },
      'reset a forgotten password': { password: 'Haicang-2026-new-password' },
      'move an inspector to the city': { regionCode: '350200' },
    },
    responses: { 200: { description: 'the user as GET /users lists them', schema: userAnswer } },
    errors: {
      404: 'no such user',
      409: 'an administrator cannot disable their own account (CANNOT_DISABLE_SELF)',
    },
  })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Body() body: unknown,
  ) {
    return this.administer.change(principal, username, validate(changeUserSchema, body));
  }

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
    responses: { 201: { description: 'created; the user without the password', schema: createdUserAnswer } },
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
    responses: {
      200: {
        description: 'logged in',
        example: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.…' },
        schema: loginAnswer,
      },
    },
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
