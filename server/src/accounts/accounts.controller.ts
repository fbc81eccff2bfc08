import { Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  type AccountListQuery,
  type AccountView,
  accountListQuerySchema,
  passwordResetSchema,
  Role,
  type StaffAccountRequest,
  type StaffAccountUpdate,
  staffAccountSchema,
  staffAccountUpdateSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiOperation({ summary: '创建审核人员、卡口人员或管理员账号' })
  @ApiZodBody(staffAccountSchema)
  create(
    @CurrentActor() actor: RequestActor,
    @ZodBody(staffAccountSchema) body: StaffAccountRequest,
  ): Promise<AccountView> {
    return this.accounts.createStaff(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '账号列表，可按角色和姓名/手机号码查找' })
  @ApiQuery({ name: 'role', required: false, enum: Object.values(Role) })
  @ApiQuery({ name: 'q', required: false, description: '姓名或手机号码的一部分' })
  list(@Query(new ZodValidationPipe(accountListQuerySchema)) query: AccountListQuery): Promise<AccountView[]> {
    return this.accounts.list(query);
  }

  @Put(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '修改工作人员账号（姓名、手机号码、辖区、层级、部门、卡口）' })
  @ApiZodBody(staffAccountUpdateSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(staffAccountUpdateSchema) body: StaffAccountUpdate,
  ): Promise<AccountView> {
    return this.accounts.update(actor, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '停用账号（立即退出所有登录）' })
  disable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '启用账号' })
  enable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, false);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '重置密码为临时密码，下次登录须修改' })
  @ApiZodBody(passwordResetSchema)
  resetPassword(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(passwordResetSchema) body: { password: string },
  ): Promise<AccountView> {
    return this.accounts.resetPassword(actor, id, body.password);
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '解除账号因多次登录失败造成的锁定' })
  unlock(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.accounts.unlock(actor, id);
  }
}
