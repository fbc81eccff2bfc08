import { Controller, Ip } from '@nestjs/common';
import { type AuthTokens, enterpriseRoutes, type FleetManagerRegistration } from '@pass/shared';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { AccountsService } from './accounts.service.js';
import { RegistrationThrottleService } from './registration-throttle.service.js';

/** Sign-up creates the enterprise and its first account; accounts owns it because it creates the account. */
@Controller()
export class RegistrationController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly registrations: RegistrationThrottleService,
  ) {}

  @Endpoint(enterpriseRoutes.register)
  async register(@Input() body: FleetManagerRegistration, @Ip() ip: string): Promise<AuthTokens> {
    await this.registrations.begin(ip);
    return this.accounts.register(body);
  }
}
