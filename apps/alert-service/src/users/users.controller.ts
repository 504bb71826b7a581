import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Allow, Public, validate } from '@wage/platform';
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
  create(@Body() body: unknown) {
    return this.createUser.execute(validate(createUserSchema, body));
  }

  @Post('auth/login')
  @Public()
  @HttpCode(HttpStatus.OK)
  login(@Body() body: unknown) {
    return this.logIn.execute(validate(loginSchema, body));
  }
}
