import { Controller, Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { departmentRoutes, type IssuingDepartmentRequest, type IssuingDepartmentView } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { DepartmentsService } from './departments.service.js';

@Controller()
export class DepartmentsController extends ServiceRoutes(DepartmentsService, departmentRoutes, {
  list: (departments) => departments.list(),
}) {
  @Endpoint(departmentRoutes.save)
  @ApiParam({ name: 'regionCode', description: '辖区行政区划代码（6位）', example: '320100' })
  save(
    @CurrentActor() actor: RequestActor,
    @Param('regionCode') regionCode: string,
    @Input() body: IssuingDepartmentRequest,
  ): Promise<IssuingDepartmentView> {
    return this.service.save(actor, regionCode, body);
  }
}
