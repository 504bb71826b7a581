import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseInstant } from '@wage/domain';
import { Allow, validate } from '@wage/platform';
import { runEvaluationBody } from './dto/run-evaluation.dto';
import { EvaluateMonthUseCase } from './use-cases/evaluate-month/evaluate-month.use-case';

@Controller('api/v1/evaluations')
export class EvaluationsController {
  constructor(private readonly evaluateMonth: EvaluateMonthUseCase) {}

  /** Runs the rules now, or as of `asOf` so that the result is reproducible. */
  @Post()
  @Allow('admin')
  @HttpCode(200)
  run(@Body() body: unknown) {
    const request = validate(runEvaluationBody, body ?? {});
    return this.evaluateMonth.execute({
      ...(request.month && { month: request.month }),
      ...(request.projectCode && { projectCode: request.projectCode }),
      ...(request.asOf && { asOf: parseInstant(request.asOf) }),
    });
  }
}
