import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ProvinceSettingsDocument,
  type ProvinceSettingsUpdate,
  provinceSettingsDocumentSchema,
  provinceSettingsDocumentViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, Public, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('settings')
  @Public()
  @ApiOperation({ summary: '本省通行证规则（物资类别、必需材料、最长有效期等），表单据此校验' })
  @ApiZodResponse(provinceSettingsDocumentViewSchema)
  current(): Promise<ProvinceSettingsDocument> {
    return this.settings.document();
  }

  @Put('admin/settings')
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '修改本省规则：保存为新版本，各服务实例随即生效，并记入审计日志' })
  @ApiZodBody(provinceSettingsDocumentSchema)
  @ApiZodResponse(provinceSettingsDocumentViewSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @ZodBody(provinceSettingsDocumentSchema) body: ProvinceSettingsUpdate,
  ): Promise<ProvinceSettingsDocument> {
    return this.settings.update(actor, body);
  }

  @Get('admin/settings/history')
  @ApiBearerAuth()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '本省规则的历次版本（最新的在前）' })
  @ApiZodResponse(z.array(provinceSettingsDocumentViewSchema))
  history(): Promise<ProvinceSettingsDocument[]> {
    return this.settings.history();
  }
}
