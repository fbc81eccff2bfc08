import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type WhitelistImportReport, whitelistImportSchema } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { WhitelistService } from './whitelist.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/whitelist')
export class WhitelistController {
  constructor(private readonly whitelist: WhitelistService) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: '导入一批白名单企业（CSV：统一社会信用代码,企业名称[,加入|移出]）；任一行有误则整批不导入',
  })
  @ApiZodBody(whitelistImportSchema)
  import(
    @CurrentActor() actor: RequestActor,
    @ZodBody(whitelistImportSchema) body: { batch: string; csv: string },
  ): Promise<WhitelistImportReport> {
    return this.whitelist.import(actor, body.batch, body.csv);
  }
}
