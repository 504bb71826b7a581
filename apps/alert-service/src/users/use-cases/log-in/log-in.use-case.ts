import { Inject, Injectable } from '@nestjs/common';
import { ApiError, signAccessToken } from '@wage/platform';
import { Clock } from '../../../common/clock';
import { ALERT_SETTINGS, type AlertSettings } from '../../../config/alert-settings';
import type { LoginRequest } from '../../dto/user.dto';
import { DECOY_HASH, verifyPassword } from '../../password-hash';
import { UserDirectory } from '../../user-directory';

// One answer for an unknown user, a wrong password and a locked account: none reveals whether the username exists.
const REFUSED = () =>
  ApiError.unauthorized(
    'the username or password is wrong, or the account is locked for a while after repeated failures; ' +
      'check both and try again later',
  );

@Injectable()
export class LogInUseCase {
  constructor(
    private readonly users: UserDirectory,
    private readonly clock: Clock,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
  ) {}

  async execute({ username, password }: LoginRequest): Promise<{ accessToken: string }> {
    const now = this.clock.now();
    const user = await this.users.findCredentials(username);
    // Verify even when there is nothing to verify against, so timing does not tell a known username apart.
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user) throw REFUSED();
    if (user.lockedUntil && user.lockedUntil > now) throw REFUSED();
    if (!matches) {
      const lockedUntil = new Date(now.getTime() + this.settings.loginLockoutSeconds * 1000);
      await this.users.recordFailedLogin(username, this.settings.loginMaxFailures, lockedUntil);
      throw REFUSED();
    }
    await this.users.recordSuccessfulLogin(username);
    const accessToken = signAccessToken(
      { sub: user.username, role: user.role, region: user.regionCode },
      this.settings.jwtSecret,
      this.settings.accessTokenTtlSeconds,
      now,
    );
    return { accessToken };
  }
}
