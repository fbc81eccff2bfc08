import { Controller, Ip } from '@nestjs/common';
import { type CrewCodeRequest, crewRoutes } from '@pass/shared';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { CrewSignInService } from './crew-sign-in.service.js';

@Controller()
export class CrewController extends ServiceRoutes(CrewSignInService, crewRoutes, {
  signIn: (signIns, { input }) => signIns.signIn(input),
  refresh: (signIns, { input }) => signIns.refresh(input.refreshToken),
}) {
  @Endpoint(crewRoutes.sendCode)
  async sendCode(@Input() body: CrewCodeRequest, @Ip() ip: string): Promise<void> {
    await this.service.sendCode(body.phone, ip);
  }
}
