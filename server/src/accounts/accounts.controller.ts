import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { AccountsService } from './accounts.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin/accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  @Route.post({ summary: '创建审核人员、卡口人员或管理员账号', response: accountViewSchema, body: staffAccountSchema })
  create(@CurrentActor() actor: RequestActor, @Input() body: StaffAccountRequest): Promise<AccountView> {
    return this.accounts.createStaff(actor, body);
  }

  @Route.get({
    summary: '账号列表，可按角色和姓名/手机号码查找',
    response: z.array(adminAccountViewSchema),
    query: accountListQuerySchema,
  })
  async list(@Input() query: AccountListQuery): Promise<AdminAccountView[]> {
    const accounts = await this.accounts.list(query);
    const locked = await this.throttle.lockedUntil(accounts.map((a) => a.phone));
    return accounts.map((a) => ({ ...a, lockedUntil: locked.get(a.phone)?.toISOString() ?? null }));
  }

  @Route.put(':id', {
    summary: '修改工作人员账号（姓名、手机号码、辖区、层级、部门、卡口）',
    response: accountViewSchema,
    body: staffAccountUpdateSchema,
  })
  update(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: StaffAccountUpdate) {
    return this.accounts.update(actor, id, body);
  }

  @Route.action(':id/disable', { summary: '停用账号（立即退出所有登录）', response: accountViewSchema })
  disable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, true);
  }

  @Route.action(':id/enable', { summary: '启用账号', response: accountViewSchema })
  enable(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<AccountView> {
    return this.accounts.setDisabled(actor, id, false);
  }

  @Route.action(':id/reset-password', {
    summary: '重置密码为临时密码，下次登录须修改',
    response: accountViewSchema,
    body: passwordResetSchema,
  })
  resetPassword(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: { password: string }) {
    return this.accounts.resetPassword(actor, id, body.password);
  }
}
