import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccountListQuery,
  type AccountView,
  type AdminAccountView,
  accountListQuerySchema,
  accountViewSchema,
  adminAccountViewSchema,
  passwordResetSchema,
  Role,
  type StaffAccountRequest,
  type StaffAccountUpdate,
  staffAccountSchema,
  staffAccountUpdateSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { AccountsService } from './accounts.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  @Post()
  @ApiOperation({ summary: '创建审核人员、卡口人员或管理员账号' })
  @ApiZodBody(staffAccountSchema)
  @ApiZodResponse(accountViewSchema)
  create(
    @CurrentActor() actor: RequestActor,
    @ZodBody(staffAccountSchema) body: StaffAccountRequest,
  ): Promise<AccountView> {
    return this.accounts.createStaff(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '账号列表，可按角色和姓名/手机号码查找' })
  @ApiZodResponse(z.array(adminAccountViewSchema))
  async list(@ZodQuery(accountListQuerySchema) query: AccountListQuery): Promise<AdminAccountView[]> {
    const accounts = await this.accounts.list(query);
    const locked = await this.throttle.lockedUntil(accounts.map((a) => a.phone));
    return accounts.map((a) => ({ ...a, lockedUntil: locked.get(a.phone)?.toISOString() ?? null }));
  }

  @Put(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '修改工作人员账号（姓名、手机号码、辖区、层级、部门、卡口）' })
  @ApiZodBody(staffAccountUpdateSchema)
  @ApiZodResponse(accountViewSchema)
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
  @ApiZodResponse(accountViewSchema)
  disable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '启用账号' })
  @ApiZodResponse(accountViewSchema)
  enable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, false);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '重置密码为临时密码，下次登录须修改' })
  @ApiZodBody(passwordResetSchema)
  @ApiZodResponse(accountViewSchema)
  resetPassword(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(passwordResetSchema) body: { password: string },
  ): Promise<AccountView> {
    return this.accounts.resetPassword(actor, id, body.password);
  }
}
