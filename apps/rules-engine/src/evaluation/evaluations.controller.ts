import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { DomainError, parseInstant } from '@wage/domain';
import { Allow, ApiContract, Clock, validate } from '@wage/platform';
import { runEvaluationBody } from './dto/run-evaluation.dto';
import { EvaluateMonthUseCase } from './use-cases/evaluate-month/evaluate-month.use-case';

/** An `asOf` this close to the server's clock is taken as now (clocks of caller and server differ a little). */
const CLOCK_SKEW_MS = 60_000;

@Controller('api/v1/evaluations')
export class EvaluationsController {
  constructor(
    private readonly evaluateMonth: EvaluateMonthUseCase,
    private readonly clock: Clock,
  ) {}

  /** Runs the rules now; with an earlier `asOf`, answers what they found then and changes nothing. */
  @Post()
  @Allow('admin')
  @HttpCode(200)
  @ApiContract({
    summary: 'Run the rules now, or answer what they found at an earlier instant (dry run)',
    description:
      "Without `month`: every project-month that time can change (each project's current month and the two " +
      'before it, and every project-month with an open or pending alert), as the scheduled sweep does. Live ' +
      'alerts are only ever evaluated as of now. With `asOf` earlier than now it is a dry run: the findings the ' +
      'rules (of that time) had at that instant, with codes, severities and evidence; no alert changes and ' +
      'nothing is published or sent. An `asOf` in the future is refused.',
    body: runEvaluationBody,
    examples: {
      'October 2026 of one project, now': { month: '2026-10', projectCode: 'XM-2026-001' },
      'What the rules found on 20 November (dry run)': {
        month: '2026-10',
        projectCode: 'XM-2026-001',
        asOf: '2026-11-20T00:00:00+08:00',
      },
    },
    responses: {
      200: {
        description: 'what the run did; for a dry run, what the rules found at `asOf`',
        example: { evaluated: 1, raised: 2, updated: 0, cleared: 1 },
      },
    },
  })
  run(@Body() body: unknown) {
    const request = validate(runEvaluationBody, body ?? {});
    const target = {
      ...(request.month && { month: request.month }),
      ...(request.projectCode && { projectCode: request.projectCode }),
    };
    if (request.asOf !== undefined) {
      const asOf = parseInstant(request.asOf);
      const ahead = asOf.getTime() - this.clock.now().getTime();
      if (ahead > CLOCK_SKEW_MS) {
        throw new DomainError(
          'INVALID_ARGUMENT',
          `asOf ${request.asOf} is in the future: the rules can only say what they find now or found earlier. ` +
            'Leave asOf out to evaluate now.',
          'asOf',
        );
      }
      if (ahead < -CLOCK_SKEW_MS) return this.evaluateMonth.dryRun(target, asOf);
    }
    return this.evaluateMonth.execute(target);
  }
}
