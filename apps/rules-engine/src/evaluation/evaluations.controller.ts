import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInstant } from '@wage/domain';
import { Allow, ApiContract, validate } from '@wage/platform';
import { runEvaluationBody } from './dto/run-evaluation.dto';
import { EvaluateMonthUseCase } from './use-cases/evaluate-month/evaluate-month.use-case';

@Controller('api/v1/evaluations')
export class EvaluationsController {
  constructor(private readonly evaluateMonth: EvaluateMonthUseCase) {}

  /** Runs the rules now, or as of `asOf` so that the result is reproducible. */
  @Post()
  @Allow('admin')
  @HttpCode(200)
  @ApiContract({
    summary: 'Run the deadline rules now, or as of an instant',
    description:
      'Without a body: the current and the previous month, every project. `asOf` makes the result reproducible.',
    body: runEvaluationBody,
    examples: {
      'October 2026 of one project, as of 20 November': {
        month: '2026-10',
        projectCode: 'XM-2026-001',
        asOf: '2026-11-20T00:00:00+08:00',
      },
    },
    responses: {
      200: {
        description: 'what the run did',
        example: { evaluated: 1, raised: 2, updated: 0, cleared: 1 },
      },
    },
  })
  run(@Body() body: unknown) {
    const request = validate(runEvaluationBody, body ?? {});
    return this.evaluateMonth.execute({
      ...(request.month && { month: request.month }),
      ...(request.projectCode && { projectCode: request.projectCode }),
      ...(request.asOf && { asOf: parseInstant(request.asOf) }),
    });
  }
}
