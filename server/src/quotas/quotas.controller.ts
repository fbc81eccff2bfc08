import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type QuotaAllocation,
  type QuotaListQuery,
  type QuotaView,
  quotaAllocationSchema,
  quotaListQuerySchema,
  quotaViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { QuotasService } from './quotas.service.js';

/** Admins allocate pass quotas per jurisdiction and period. */
@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Route.action('quotas', {
    summary: '分配（或调整）某辖区某周期的通行证配额',
    response: quotaViewSchema,
    body: quotaAllocationSchema,
  })
  allocate(@CurrentActor() actor: RequestActor, @Input() body: QuotaAllocation): Promise<QuotaView> {
    return this.quotas.allocate(actor, body);
  }

  @Route.get('quotas', { summary: '配额及使用情况', response: z.array(quotaViewSchema), query: quotaListQuerySchema })
  quotaList(@Input() query: QuotaListQuery): Promise<QuotaView[]> {
    return this.quotas.list(query.period);
  }
}
