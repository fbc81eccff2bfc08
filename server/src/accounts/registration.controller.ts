import { Controller, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AuthTokens,
  authTokensSchema,
  type FleetManagerRegistration,
  fleetManagerRegistrationSchema,
} from '@pass/shared';
import { Public } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
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

  @Public()
  @Post('register')
  @ApiOperation({ summary: '企业注册（同时创建车队管理员账号），待审核部门核验后可申请；每个地址每小时限次' })
  @ApiZodBody(fleetManagerRegistrationSchema)
  @ApiZodResponse(authTokensSchema)
  async register(
    @ZodBody(fleetManagerRegistrationSchema) body: FleetManagerRegistration,
    @Ip() ip: string,
  ): Promise<AuthTokens> {
    await this.registrations.begin(ip);
    return this.accounts.register(body);
  }
}
