import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { createDataSource, dataSourceOptions } from './data-source.js';
import { LockGuardEntity } from './lock-guard.entity.js';

/**
 * The one connection, configured from the global `APP_CONFIG`. Each feature module registers its own
 * entities (`TypeOrmModule.forFeature`) and they are loaded from there (`autoLoadEntities`), so this
 * core module names no feature.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        entities: [],
        autoLoadEntities: true,
        migrationsRun: true,
        // Fail fast at boot; a database that goes away later is retried by the pool per request.
        retryAttempts: 3,
        retryDelay: 1_000,
      }),
      dataSourceFactory: async (options) => createDataSource(options!).initialize(),
    }),
    TypeOrmModule.forFeature([LockGuardEntity]),
  ],
})
export class DatabaseModule {}
