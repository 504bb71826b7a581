import { loginDelaySeconds, type LoginThrottleSettings } from './login-throttle';

const DEFAULTS: LoginThrottleSettings = { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 900 };

describe('the wait after failed logins of one username from one address', () => {
  it.each([
    // failures, wait (s)
    [1, 0], // mistypes cost nothing
    [4, 0],
    [5, 30], // the 5th failure: the first delay
    [6, 60], // 30 × 2
    [7, 120], // 30 × 4
    [9, 480], // 30 × 16
    [10, 900], // 30 × 32 = 960, capped at the longest wait
    [1_000, 900], // never more, however many guesses
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(loginDelaySeconds(failures, DEFAULTS)).toBe(seconds);
  });

  it('waits the longest delay at once when it is shorter than the first', () => {
    expect(loginDelaySeconds(1, { freeFailures: 1, firstDelaySeconds: 60, maxDelaySeconds: 10 })).toBe(10);
  });
});
