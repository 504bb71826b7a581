import { Module } from '@nestjs/common';
import { PaySheetsController } from './pay-sheets.controller';
import { SubmitPaySheetUseCase } from './use-cases/submit-pay-sheet/submit-pay-sheet.use-case';

@Module({ controllers: [PaySheetsController], providers: [SubmitPaySheetUseCase] })
export class PaySheetsModule {}
