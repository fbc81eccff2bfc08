import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type EnterpriseListQuery,
  type EnterpriseView,
  enterpriseListQuerySchema,
  enterpriseUpdateSchema,
  enterpriseViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { EnterprisesService } from './enterprises.service.js';

@ApiTags('enterprises')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Route.get('mine', { summary: '本企业信息', roles: [Role.FleetManager], response: enterpriseViewSchema })
  mine(@CurrentActor() actor: RequestActor): Promise<EnterpriseView> {
    return this.enterprises.own(actor);
  }

  @Route.put('mine', {
    summary: '修改本企业地址和联系人',
    roles: [Role.FleetManager],
    response: enterpriseViewSchema,
    body: enterpriseUpdateSchema,
  })
  update(@CurrentActor() actor: RequestActor, @Input() body: z.output<typeof enterpriseUpdateSchema>) {
    return this.enterprises.updateOwn(actor, body);
  }

  @Route.get({
    summary: '辖区内的企业（待核验的在前）',
    roles: [Role.Official, Role.Admin],
    response: z.array(enterpriseViewSchema),
    query: enterpriseListQuerySchema,
  })
  list(@CurrentActor() actor: RequestActor, @Input() query: EnterpriseListQuery): Promise<EnterpriseView[]> {
    return this.enterprises.listForOfficial(actor, query.pending);
  }

  @Route.action(':id/verify', {
    summary: '核验企业（辖区内的审核人员）',
    roles: [Role.Official, Role.Admin],
    response: enterpriseViewSchema,
  })
  verify(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<EnterpriseView> {
    return this.enterprises.verify(actor, id);
  }
}
