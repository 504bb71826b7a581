import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  Allow,
  ApiContract,
  CurrentPrincipal,
  monthField,
  validate,
  workerIdentity,
  type Principal,
} from '@wage/platform';
import { answerMonthSchema } from './dto/answer-month.dto';
import { AnswerMonthUseCase } from './use-cases/answer-month/answer-month.use-case';
import { ListOwnMonthsUseCase } from './use-cases/list-own-months/list-own-months.use-case';

const monthParams = {
  projectCode: { description: 'the project’s code, as in GET /worker/months', example: 'XM-2026-001' },
  month: { description: 'the month worked, YYYY-MM', example: '2026-09' },
};
const projectCodeParam = z.string().min(1).max(64);

/** 我的工资 and 工资确认 on the workers' channel. */
@Controller('api/v1/worker/months')
export class WorkerMonthsController {
  constructor(
    private readonly months: ListOwnMonthsUseCase,
    private readonly answer: AnswerMonthUseCase,
  ) {}

  @Get()
  @Allow('worker')
  @ApiContract({
    summary: 'A worker’s own pay, per project and month (我的工资)',
    description:
      'Across every project whose roll has the session’s identity: days worked, gross and net pay on the sheet, the ' +
      'payroll payments banks reported to their card (date, amount, masked card) attributed to months as the rules ' +
      'engine does, what is still owed and when it was due, and the worker’s confirmation. Newest month first.',
    responses: {
      200: {
        description: '{ items }',
        example: {
          items: [
            {
              projectCode: 'XM-2026-001',
              projectName: '湖里区保障性住房项目',
              month: '2026-09',
              daysWorked: 22,
              grossPay: '7200.00',
              netPay: '6800.00',
              payments: [{ date: '2026-10-15', amount: '6800.00', card: '6222***********0001' }],
              paid: '6800.00',
              owed: '0.00',
              dueDate: '2026-10-15',
              overdue: false,
              confirmation: null,
            },
          ],
        },
      },
    },
  })
  list(@CurrentPrincipal() principal: Principal) {
    return this.months.execute(workerIdentity(principal));
  }

  @Post(':projectCode/:month/confirmation')
  @Allow('worker')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    summary: 'Confirm or dispute a month’s pay (工资确认)',
    description:
      'CONFIRMED, or DISPUTED with a reason: AMOUNT_WRONG, NOT_RECEIVED, CARD_NOT_MINE (the card on the roll is not ' +
      'the worker’s, or not in their hands: evidence of card control, shown next to SHARED_BANK_CARD). A dispute ' +
      'raises WORKER_PAY_DISPUTED for the project-month (YELLOW; ORANGE from 3 workers), with the workers masked. The ' +
      'latest answer stands.',
    params: monthParams,
    body: answerMonthSchema,
    examples: {
      'not received': { result: 'DISPUTED', reason: 'NOT_RECEIVED', note: '9月工资一直没到卡上' },
      confirmed: { result: 'CONFIRMED' },
    },
    responses: {
      200: {
        description: 'the answer as stored',
        example: {
          projectCode: 'XM-2026-001',
          month: '2026-09',
          result: 'DISPUTED',
          reason: 'NOT_RECEIVED',
          answeredAt: '2026-10-20T02:00:00.000Z',
        },
      },
    },
    errors: { 404: 'the worker has no attendance or pay-sheet line for that project and month' },
  })
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('projectCode') projectCode: string,
    @Param('month') month: string,
    @Body() body: unknown,
  ) {
    const idHash = workerIdentity(principal);
    return this.answer.execute(
      idHash,
      validate(projectCodeParam, projectCode, 'project code'),
      validate(monthField, month, 'month'),
      validate(answerMonthSchema, body),
    );
  }
}
