import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module.js';
import { DriversModule } from '../drivers/drivers.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PassDocumentsModule } from '../pass-documents/pass-documents.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { SanctionsModule } from '../sanctions/sanctions.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { VehiclesModule } from '../vehicles/vehicles.module.js';
import { CounterEntity } from './counter.entity.js';
import { IssuanceService } from './issuance.service.js';
import { IssuedDayCountEntity, IssuedDayEntity } from './issued-day-count.entity.js';
import { IssuedDayCounts } from './issued-day-counts.js';
import { PassEntity } from './pass.entity.js';
import { PassCrew } from './pass-crew.js';
import { PassCrewMemberEntity } from './pass-crew-member.entity.js';
import { PassImages } from './pass-images.js';
import { PassNotices } from './pass-notices.js';
import { PassStatusChangeEntity } from './pass-status-change.entity.js';
import { PassesController } from './passes.controller.js';
import { PassesService } from './passes.service.js';
import { StatusIndexBlocks } from './status-index-blocks.js';
import { StatusListService } from './status-list.service.js';
import { StatusSnapshots } from './status-snapshots.js';

/** Passes: issuance from an approved application, the pass record and documents, revocation, the status list. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PassEntity,
      PassCrewMemberEntity,
      CounterEntity,
      PassStatusChangeEntity,
      IssuedDayCountEntity,
      IssuedDayEntity,
    ]),
    SigningModule,
    PassDocumentsModule,
    SanctionsModule,
    QuotasModule,
    EnterprisesModule,
    VehiclesModule,
    DriversModule,
    DepartmentsModule,
    NotificationsModule,
  ],
  controllers: [PassesController],
  providers: [
    PassesService,
    PassImages,
    IssuanceService,
    IssuedDayCounts,
    StatusListService,
    StatusSnapshots,
    StatusIndexBlocks,
    PassNotices,
    PassCrew,
  ],
  exports: [PassesService],
})
export class PassesModule {}
