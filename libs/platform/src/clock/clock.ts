import { dateInShanghai, monthOf, type IsoDate, type Month } from '@wage/domain';

/**
 * The time, injected so that deadlines, clocks and escalations can be tested at chosen instants. The platform
 * module provides it: the system's clock, or the one a test puts in the service definition.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Asia/Shanghai: what bounds birth dates, months and statutory days. */
  today(): IsoDate {
    return dateInShanghai(this.now());
  }

  /** The current month in Asia/Shanghai. */
  currentMonth(): Month {
    return monthOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The system's clock, for what no injector reaches: request schemas built when their module loads, and the default
 * of a library function whose caller (a test, a script) passes no instant. A service's own code injects `Clock`.
 */
export const SYSTEM_CLOCK: Clock = new SystemClock();

/** A clock that stands still until a test moves it. */
export class TestClock extends Clock {
  private current: Date;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
