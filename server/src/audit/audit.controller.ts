import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuditEntryView, type AuditQuery, auditEntryViewSchema, auditQuerySchema, Role, z } from '@pass/shared';
import { Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { AuditService } from './audit.service.js';
import { toAuditEntryView } from './audit-entry.view.js';

@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Route.get('audit', {
    summary: '审计日志（最新的在前），可按对象、操作人、操作和时间筛选',
    response: z.array(auditEntryViewSchema),
    query: auditQuerySchema,
  })
  async auditLog(@Input() query: AuditQuery): Promise<AuditEntryView[]> {
    return (await this.audit.find({ ...query, limit: 200 })).map(toAuditEntryView);
  }
}
