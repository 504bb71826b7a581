import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BlacklistController } from './blacklist.controller';
import { BlacklistRepository } from './blacklist.repository';
import { DecideListingUseCase } from './use-cases/decide-listing/decide-listing.use-case';
import { GiveNoticeUseCase } from './use-cases/give-notice/give-notice.use-case';
import { PublicListUseCase } from './use-cases/public-list/public-list.use-case';
import { RecordStatementUseCase } from './use-cases/record-statement/record-statement.use-case';
import { RemoveListingUseCase } from './use-cases/remove-listing/remove-listing.use-case';

/** The arrears blacklist (人社部令第45号): notice, statement, decision, early removal, the published list. */
@Module({
  imports: [CasesModule],
  controllers: [BlacklistController],
  providers: [
    BlacklistRepository,
    GiveNoticeUseCase,
    RecordStatementUseCase,
    DecideListingUseCase,
    RemoveListingUseCase,
    PublicListUseCase,
  ],
})
export class BlacklistModule {}
