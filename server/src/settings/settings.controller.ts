import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ProvinceSettingsDocument,
  type ProvinceSettingsUpdate,
  provinceSettingsDocumentSchema,
  provinceSettingsDocumentViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Route.get('settings', {
    summary: '本省通行证规则（物资类别、必需材料、最长有效期等），表单据此校验',
    response: provinceSettingsDocumentViewSchema,
    public: true,
  })
  current(): Promise<ProvinceSettingsDocument> {
    return this.settings.document();
  }

  @Route.put('admin/settings', {
    summary: '修改本省规则：保存为新版本，各服务实例随即生效，并记入审计日志',
    roles: [Role.Admin],
    response: provinceSettingsDocumentViewSchema,
    body: provinceSettingsDocumentSchema,
  })
  update(@CurrentActor() actor: RequestActor, @Input() body: ProvinceSettingsUpdate) {
    return this.settings.update(actor, body);
  }

  @Route.get('admin/settings/history', {
    summary: '本省规则的历次版本（最新的在前）',
    roles: [Role.Admin],
    response: z.array(provinceSettingsDocumentViewSchema),
  })
  history(): Promise<ProvinceSettingsDocument[]> {
    return this.settings.history();
  }
}
