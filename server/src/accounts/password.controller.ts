import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountView, type PasswordChange, passwordChangeSchema } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class PasswordController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: '修改自己的密码（管理员重置密码后须先修改）' })
  @ApiZodBody(passwordChangeSchema)
  change(
    @CurrentActor() actor: RequestActor,
    @ZodBody(passwordChangeSchema) body: PasswordChange,
  ): Promise<AccountView> {
    return this.accounts.changePassword(actor.id, body);
  }
}
