import { Inject, Injectable } from '@nestjs/common';
import { UseCaseError, signAccessToken, Clock } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../../../config/alert-settings';
import { LoginThrottle } from '../../login-throttle';
import type { LoginRequest } from '../../dto/user.dto';
import { DECOY_HASH, verifyPassword } from '../../password-hash';
import { UserRepository } from '../../user.repository';

// One answer for an unknown user and a wrong password: neither reveals whether the username exists.
const REFUSED = () =>
  UseCaseError.unauthenticated('the username or password is wrong; check both and try again');

// Unknown usernames are throttled the same way, so this answer does not reveal one either.
const WAIT = (until: Date, now: Date) =>
  new UseCaseError(
    'RATE_LIMITED',
    'TOO_MANY_LOGIN_FAILURES',
    `too many failed logins for this username from this address; wait ${Math.ceil((until.getTime() - now.getTime()) / 1000)} s and try again`,
  );

@Injectable()
export class LogInUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
  ) {}

  /** `address` is the caller's (see clientAddress): failures slow down that account from that address only. */
  async execute({ username, password }: LoginRequest, address: string): Promise<{ accessToken: string }> {
    const now = this.clock.now();
    // While the pair waits, an attempt is neither checked nor counted: a guess must wait like any other.
    const waitUntil = await this.throttle.waitUntil(username, address, now);
    if (waitUntil) throw WAIT(waitUntil, now);
    const user = await this.users.findCredentials(username);
    // Verify even when there is nothing to verify against, so timing does not tell a known username apart.
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !matches) {
      await this.throttle.recordFailure(username, address, now);
      throw REFUSED();
    }
    await this.throttle.recordSuccess(username, address);
    const accessToken = signAccessToken(
      { sub: user.username, role: user.role, region: user.regionCode },
      this.settings.jwtSecret,
      this.settings.accessTokenTtlSeconds,
      now,
    );
    return { accessToken };
  }
}
