import { Controller, Ip } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuthTokens,
  authTokensSchema,
  type FleetManagerRegistration,
  fleetManagerRegistrationSchema,
} from '@pass/shared';
import { Input, Route } from '../auth/route.decorators.js';
import { AccountsService } from './accounts.service.js';
import { RegistrationThrottleService } from './registration-throttle.service.js';

/** Sign-up creates the enterprise and its first account; accounts owns it because it creates the account. */
@ApiTags('enterprises')
@Controller('enterprises')
export class RegistrationController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly registrations: RegistrationThrottleService,
  ) {}

  @Route.post('register', {
    summary: '企业注册（同时创建车队管理员账号），待审核部门核验后可申请；每个地址每小时限次',
    response: authTokensSchema,
    public: true,
    body: fleetManagerRegistrationSchema,
  })
  async register(@Input() body: FleetManagerRegistration, @Ip() ip: string): Promise<AuthTokens> {
    await this.registrations.begin(ip);
    return this.accounts.register(body);
  }
}
