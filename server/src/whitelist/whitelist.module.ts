import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FederationModule } from '../federation/federation.module.js';
import { RecognisedWhitelistEntity } from './recognised-whitelist.entity.js';
import { WhitelistController } from './whitelist.controller.js';
import { WhitelistService } from './whitelist.service.js';
import { WhitelistEntryEntity } from './whitelist-entry.entity.js';
import { WhitelistExportController, WhitelistRecognitionController } from './whitelist-recognition.controller.js';
import { WhitelistRecognition } from './whitelist-recognition.js';

/** Enterprises whose applications go first (白名单), imported in batches, and other provinces' recognised. */
@Module({
  imports: [TypeOrmModule.forFeature([WhitelistEntryEntity, RecognisedWhitelistEntity]), FederationModule],
  controllers: [WhitelistController, WhitelistExportController, WhitelistRecognitionController],
  providers: [WhitelistService, WhitelistRecognition],
  exports: [WhitelistService],
})
export class WhitelistModule {}
