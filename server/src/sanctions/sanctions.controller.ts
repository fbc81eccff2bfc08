import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type BlacklistEntry,
  blacklistEntrySchema,
  blacklistEntryViewSchema,
  Role,
  type Suspension,
  suspensionSchema,
  suspensionViewSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse } from '../common/api-response.js';
import { type BlacklistEntryView, SanctionsService, type SuspensionView } from './sanctions.service.js';

/** Admins keep the blacklist and suspend enterprises (熔断). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post('blacklist')
  @ApiOperation({ summary: '将企业、司乘人员或车辆列入黑名单' })
  @ApiZodBody(blacklistEntrySchema)
  @ApiZodResponse(blacklistEntryViewSchema)
  blacklist(
    @CurrentActor() actor: RequestActor,
    @ZodBody(blacklistEntrySchema) body: BlacklistEntry,
  ): Promise<BlacklistEntryView> {
    return this.sanctions.addToBlacklist(actor, body);
  }

  @Get('blacklist')
  @ApiOperation({ summary: '生效中的黑名单' })
  @ApiZodResponse(z.array(blacklistEntryViewSchema))
  blacklistEntries(): Promise<BlacklistEntryView[]> {
    return this.sanctions.list();
  }

  @Delete('blacklist/:id')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '移出黑名单' })
  @ApiEmptyResponse()
  liftBlacklist(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.lift(actor, id);
  }

  @Get('suspensions')
  @ApiOperation({ summary: '暂停办理中的企业（熔断）' })
  @ApiZodResponse(z.array(suspensionViewSchema))
  suspensions(): Promise<SuspensionView[]> {
    return this.sanctions.suspensions();
  }

  @Post('suspensions')
  @HttpCode(204)
  @ApiOperation({ summary: '暂停企业办理通行证（熔断）至某日' })
  @ApiZodBody(suspensionSchema)
  @ApiEmptyResponse()
  suspend(@CurrentActor() actor: RequestActor, @ZodBody(suspensionSchema) body: Suspension): Promise<void> {
    return this.sanctions.suspend(actor, body);
  }

  @Delete('suspensions/:id')
  @HttpCode(204)
  @ApiIdParam('id', '企业编号 (UUID)')
  @ApiOperation({ summary: '解除企业的暂停' })
  @ApiEmptyResponse()
  liftSuspension(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.liftSuspension(actor, id);
  }
}
