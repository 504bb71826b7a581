import { Global, Injectable, Module } from '@nestjs/common';

/** The time, injected so that escalation, digests and lockouts can be tested at simulated instants. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
