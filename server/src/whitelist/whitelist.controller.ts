import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  creditCodeSchema,
  Role,
  type WhitelistBatch,
  type WhitelistEntryView,
  type WhitelistQuery,
  whitelistBatchSchema,
  whitelistEntryViewSchema,
  whitelistImportReportSchema,
  whitelistImportSchema,
  whitelistQuerySchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { ApiZodParam } from '../common/api-body.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { WhitelistService } from './whitelist.service.js';

@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin/whitelist')
export class WhitelistController {
  constructor(private readonly whitelist: WhitelistService) {}

  @Route.action('import', {
    summary: '导入一批白名单企业（CSV：统一社会信用代码,企业名称[,加入|移出]）；任一行有误则整批不导入',
    response: whitelistImportReportSchema,
    body: whitelistImportSchema,
  })
  import(@CurrentActor() actor: RequestActor, @Input() body: { batch: string; csv: string }) {
    return this.whitelist.import(actor, body.batch, body.csv);
  }

  @Route.get({
    summary: '白名单中的企业（最近变动的在前），可按批次和名称/信用代码查找',
    response: z.array(whitelistEntryViewSchema),
    query: whitelistQuerySchema,
  })
  list(@Input() query: WhitelistQuery): Promise<WhitelistEntryView[]> {
    return this.whitelist.list(query);
  }

  @Route.get('batches', { summary: '各批次及其仍在白名单中的企业数', response: z.array(whitelistBatchSchema) })
  batches(): Promise<WhitelistBatch[]> {
    return this.whitelist.batches();
  }

  @Route.delete(':creditCode', { summary: '将一家企业移出白名单（保留记录）', status: 204 })
  @ApiZodParam('creditCode', creditCodeSchema, '统一社会信用代码')
  remove(
    @CurrentActor() actor: RequestActor,
    @Param('creditCode', new ZodValidationPipe(creditCodeSchema)) creditCode: string,
  ): Promise<void> {
    return this.whitelist.remove(actor, creditCode);
  }
}
