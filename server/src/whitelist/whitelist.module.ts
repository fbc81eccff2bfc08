import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhitelistController } from './whitelist.controller.js';
import { WhitelistService } from './whitelist.service.js';
import { WhitelistEntryEntity } from './whitelist-entry.entity.js';

/** Enterprises whose applications go first (白名单), imported in batches. */
@Module({
  imports: [TypeOrmModule.forFeature([WhitelistEntryEntity])],
  controllers: [WhitelistController],
  providers: [WhitelistService],
  exports: [WhitelistService],
})
export class WhitelistModule {}
