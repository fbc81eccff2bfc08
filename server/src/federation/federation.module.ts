import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentsModule } from '../departments/departments.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { FederationAdminController, FederationController } from './federation.controller.js';
import { FederationService } from './federation.service.js';
import { TrustedIssuerEntity } from './trusted-issuer.entity.js';
import { TrustedIssuerStatusEntity } from './trusted-issuer-status.entity.js';

/** Other provinces' issuers this deployment trusts (全国互认), and this deployment's issuer document. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TrustedIssuerEntity, TrustedIssuerStatusEntity]),
    SigningModule,
    DepartmentsModule,
  ],
  controllers: [FederationController, FederationAdminController],
  providers: [FederationService],
  exports: [FederationService],
})
export class FederationModule {}
