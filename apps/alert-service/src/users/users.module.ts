import { Module } from '@nestjs/common';
import { BootstrapAdmin } from './bootstrap-admin';
import { AdministerUsersUseCase } from './use-cases/administer-users/administer-users.use-case';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { LoginThrottle } from './login-throttle';
import { LogInUseCase } from './use-cases/log-in/log-in.use-case';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';

@Module({
  controllers: [UsersController],
  providers: [
    UserRepository,
    CreateUserUseCase,
    AdministerUsersUseCase,
    LogInUseCase,
    LoginThrottle,
    BootstrapAdmin,
  ],
  exports: [UserRepository],
})
export class UsersModule {}
