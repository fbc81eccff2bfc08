import { Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ErrorCode, Role } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { AccountEntity } from './account.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';

/** Admins lift a sign-in lockout (the account list shows `lockedUntil`). */
@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin/accounts')
export class AccountLockoutsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  @Route.action(':id/unlock', { summary: '解除账号的登录锁定（所有地址的失败次数清零）', status: 204 })
  async unlock(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id });
    if (!account) throw new DomainException(ErrorCode.NotFound, '未找到该账号');
    const lockedUntil = (await this.throttle.lockedUntil([account.phone])).get(account.phone) ?? null;
    await this.throttle.clear(account.phone);
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'account.unlock',
      entityType: 'account',
      entityId: account.id,
      before: { lockedUntil: lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null },
    });
  }
}
