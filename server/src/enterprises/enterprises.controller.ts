import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type EnterpriseListQuery,
  type EnterpriseView,
  enterpriseListQuerySchema,
  enterpriseUpdateSchema,
  enterpriseViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { EnterprisesService } from './enterprises.service.js';

@ApiTags('enterprises')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get('mine')
  @ApiBearerAuth()
  @Roles(Role.FleetManager)
  @ApiOperation({ summary: '本企业信息' })
  @ApiZodResponse(enterpriseViewSchema)
  mine(@CurrentActor() actor: RequestActor): Promise<EnterpriseView> {
    return this.enterprises.own(actor);
  }

  @Put('mine')
  @ApiBearerAuth()
  @Roles(Role.FleetManager)
  @ApiOperation({ summary: '修改本企业地址和联系人' })
  @ApiZodBody(enterpriseUpdateSchema)
  @ApiZodResponse(enterpriseViewSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @ZodBody(enterpriseUpdateSchema) body: z.output<typeof enterpriseUpdateSchema>,
  ): Promise<EnterpriseView> {
    return this.enterprises.updateOwn(actor, body);
  }

  @Get()
  @ApiBearerAuth()
  @Roles(Role.Official, Role.Admin)
  @ApiOperation({ summary: '辖区内的企业（待核验的在前）' })
  @ApiZodResponse(z.array(enterpriseViewSchema))
  list(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(enterpriseListQuerySchema) query: EnterpriseListQuery,
  ): Promise<EnterpriseView[]> {
    return this.enterprises.listForOfficial(actor, query.pending);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(Role.Official, Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '核验企业（辖区内的审核人员）' })
  @ApiZodResponse(enterpriseViewSchema)
  verify(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<EnterpriseView> {
    return this.enterprises.verify(actor, id);
  }
}
