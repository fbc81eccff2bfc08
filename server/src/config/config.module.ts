import { ConfigurableModuleBuilder, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config.js';
import { loadSecrets, SECRETS } from './secrets.js';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<AppConfig>()
  .setClassMethodName('forRoot')
  .build();

/** The configuration given at start (`ConfigModule.forRoot(config)`) and the secrets it names, for every module. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useExisting: MODULE_OPTIONS_TOKEN },
    { provide: SECRETS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadSecrets(config) },
  ],
  exports: [APP_CONFIG, SECRETS],
})
export class ConfigModule extends ConfigurableModuleClass {}
