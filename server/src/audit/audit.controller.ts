import { Controller } from '@nestjs/common';
import { auditRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { AuditService } from './audit.service.js';
import { toAuditEntryView } from './audit-entry.view.js';

@Controller()
export class AuditController extends ServiceRoutes(AuditService, auditRoutes, {
  auditLog: async (audit, { input }) => (await audit.find({ ...input, limit: 200 })).map(toAuditEntryView),
}) {}
