import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource, dataSourceOptions } from './data-source.js';
import { LockGuardEntity } from './lock-guard.entity.js';

/**
 * The one connection. Each feature module registers its own entities (`TypeOrmModule.forFeature`) and
 * they are loaded from there (`autoLoadEntities`), so this core module names no feature.
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
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
    };
  }
}
