import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccountListQuery,
  type AccountView,
  type AdminAccountView,
  accountListQuerySchema,
  Role,
  type StaffAccountRequest,
  staffAccountSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { ApiZodBody, ZodBody, ZodQuery } from '../common/api-body.js';
import { AccountsService } from './accounts.service.js';

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
  create(
    @CurrentActor() actor: RequestActor,
    @ZodBody(staffAccountSchema) body: StaffAccountRequest,
  ): Promise<AccountView> {
    return this.accounts.createStaff(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '账号列表' })
  async list(@ZodQuery(accountListQuerySchema) query: AccountListQuery): Promise<AdminAccountView[]> {
    const accounts = await this.accounts.list(query.role);
    const locked = await this.throttle.lockedUntil(accounts.map((a) => a.phone));
    return accounts.map((a) => ({ ...a, lockedUntil: locked.get(a.phone)?.toISOString() ?? null }));
  }
}
