import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CheckpointsModule } from './checkpoints/checkpoints.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CrewModule } from './crew/crew.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { DriversModule } from './drivers/drivers.module.js';
import { EnterprisesModule } from './enterprises/enterprises.module.js';
import { FederationModule } from './federation/federation.module.js';
import { HealthModule } from './health/health.module.js';
import { HolidaysModule } from './holidays/holidays.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PassDocumentsModule } from './pass-documents/pass-documents.module.js';
import { PassesModule } from './passes/passes.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SanctionsModule } from './sanctions/sanctions.module.js';
import { ScansModule } from './scans/scans.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SigningModule } from './signing/signing.module.js';
import { StatsModule } from './stats/stats.module.js';
import { VehiclesModule } from './vehicles/vehicles.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { WhitelistModule } from './whitelist/whitelist.module.js';

/** The composition root: one module per feature folder, in the layers of docs/architecture.md. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // core
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuthModule,
        AuditModule,
        HealthModule,
        // province rules and pass trust
        SettingsModule,
        HolidaysModule,
        DepartmentsModule,
        SigningModule,
        FederationModule,
        PassDocumentsModule,
        // registry
        CheckpointsModule,
        WhitelistModule,
        EnterprisesModule,
        AccountsModule,
        VehiclesModule,
        DriversModule,
        CrewModule,
        AttachmentsModule,
        NotificationsModule,
        // workflow
        SanctionsModule,
        QuotasModule,
        ApplicationsModule,
        PassesModule,
        ReviewsModule,
        // checkpoints
        VerificationModule,
        ScansModule,
        // administration and statistics
        StatsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
