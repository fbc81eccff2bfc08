import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { createDataSource, dataSourceOptions } from './database/data-source.js';
import { EnterprisesModule } from './enterprises/enterprises.module.js';
import { HealthModule } from './health/health.module.js';
import { PassDocumentsModule } from './pass-documents/pass-documents.module.js';
import { ReviewModule } from './reviews/reviews.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { SigningModule } from './signing/signing.module.js';
import { VerificationModule } from './verification/verification.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.database),
            migrationsRun: true,
            // Fail fast at boot; a database that goes away later is retried by the pool per request.
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
          dataSourceFactory: async (options) => createDataSource(options!).initialize(),
        }),
        HealthModule,
        AuditModule,
        SettingsModule,
        SigningModule,
        PassDocumentsModule,
        AuthModule,
        EnterprisesModule,
        ApplicationsModule,
        ReviewModule,
        VerificationModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
