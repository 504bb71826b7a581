import { Module } from '@nestjs/common';
import { PaySheetRevisionRepository } from './pay-sheet-revision.repository';
import { PaySheetsController } from './pay-sheets.controller';
import { DecidePaySheetRevisionUseCase } from './use-cases/decide-pay-sheet-revision/decide-pay-sheet-revision.use-case';
import { SubmitPaySheetUseCase } from './use-cases/submit-pay-sheet/submit-pay-sheet.use-case';

@Module({
  controllers: [PaySheetsController],
  providers: [SubmitPaySheetUseCase, DecidePaySheetRevisionUseCase, PaySheetRevisionRepository],
})
export class PaySheetsModule {}
