import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** Every module records its state changes and administrative actions here. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
