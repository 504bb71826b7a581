import { Injectable } from '@nestjs/common';
import { dateInShanghai, monthOf, type IsoDate, type Month } from '@wage/domain';

/** The current time, passed in so tests can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in Asia/Shanghai: what bounds birth dates and months. */
  today(): IsoDate {
    return dateInShanghai(this.now());
  }

  currentMonth(): Month {
    return monthOf(this.now());
  }
}
