import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type BlacklistEntry,
  type BlacklistEntryView,
  blacklistEntrySchema,
  blacklistEntryViewSchema,
  Role,
  type Suspension,
  type SuspensionView,
  suspensionSchema,
  suspensionViewSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { SanctionsService } from './sanctions.service.js';

/** Admins keep the blacklist and suspend enterprises (熔断). */
@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Route.post('blacklist', {
    summary: '将企业、司乘人员或车辆列入黑名单',
    response: blacklistEntryViewSchema,
    body: blacklistEntrySchema,
  })
  blacklist(@CurrentActor() actor: RequestActor, @Input() body: BlacklistEntry): Promise<BlacklistEntryView> {
    return this.sanctions.addToBlacklist(actor, body);
  }

  @Route.get('blacklist', { summary: '生效中的黑名单', response: z.array(blacklistEntryViewSchema) })
  blacklistEntries(): Promise<BlacklistEntryView[]> {
    return this.sanctions.list();
  }

  @Route.delete('blacklist/:id', { summary: '移出黑名单', status: 204 })
  liftBlacklist(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.lift(actor, id);
  }

  @Route.get('suspensions', { summary: '暂停办理中的企业（熔断）', response: z.array(suspensionViewSchema) })
  suspensions(): Promise<SuspensionView[]> {
    return this.sanctions.suspensions();
  }

  @Route.action('suspensions', { summary: '暂停企业办理通行证（熔断）至某日', status: 204, body: suspensionSchema })
  suspend(@CurrentActor() actor: RequestActor, @Input() body: Suspension): Promise<void> {
    return this.sanctions.suspend(actor, body);
  }

  @Route.delete('suspensions/:id', { summary: '解除企业的暂停', status: 204, id: '企业编号 (UUID)' })
  liftSuspension(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.liftSuspension(actor, id);
  }
}
