import { Controller, Param } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type IssuingDepartmentRequest,
  type IssuingDepartmentView,
  issuingDepartmentSchema,
  issuingDepartmentViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { DepartmentsService } from './departments.service.js';

@ApiTags('admin')
@Controller('admin/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Route.get({
    summary: '核发单位及值班电话列表（按辖区）',
    roles: [Role.Admin],
    response: z.array(issuingDepartmentViewSchema),
  })
  list(): Promise<IssuingDepartmentView[]> {
    return this.departments.list();
  }

  @Route.put(':regionCode', {
    summary: '设置辖区的核发单位名称和值班电话',
    description: '印在通行证PDF和公开核验页上，随信任列表下发，卡口离线核验时显示。每次修改记入审计日志。',
    roles: [Role.Admin],
    response: issuingDepartmentViewSchema,
    body: issuingDepartmentSchema,
  })
  @ApiParam({ name: 'regionCode', description: '辖区行政区划代码（6位）', example: '320100' })
  save(
    @CurrentActor() actor: RequestActor,
    @Param('regionCode') regionCode: string,
    @Input() body: IssuingDepartmentRequest,
  ): Promise<IssuingDepartmentView> {
    return this.departments.save(actor, regionCode, body);
  }
}
