import { Controller, Ip } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuthTokens,
  type CrewCodeRequest,
  type CrewSignInRequest,
  crewCodeRequestSchema,
  crewSignInSchema,
  refreshTokenSchema,
} from '@pass/shared';
import { Input, Route, SignIn } from '../auth/route.decorators.js';
import { CrewSignInService } from './crew-sign-in.service.js';

@ApiTags('crew')
@Controller('crew')
export class CrewController {
  constructor(private readonly signIns: CrewSignInService) {}

  @Route.action('sign-in/code', {
    summary: '驾驶员/押运员登录：向司乘人员登记的手机号发送短信验证码（5分钟有效）',
    description: '未登记的号码得到同样的应答，但不发送短信。每号码每分钟1条、每小时5条，每地址每小时20条。',
    status: 204,
    public: true,
    body: crewCodeRequestSchema,
  })
  async sendCode(@Input() body: CrewCodeRequest, @Ip() ip: string): Promise<void> {
    await this.signIns.sendCode(body.phone, ip);
  }

  @SignIn('sign-in', '驾驶员/押运员用短信验证码登录；只能查看本人随车的通行证', crewSignInSchema)
  signIn(@Input() body: CrewSignInRequest): Promise<AuthTokens> {
    return this.signIns.signIn(body);
  }

  @SignIn('refresh', '驾驶员/押运员用刷新凭证换取新的登录凭证（旧凭证随即失效）', refreshTokenSchema)
  refresh(@Input() body: { refreshToken: string }): Promise<AuthTokens> {
    return this.signIns.refresh(body.refreshToken);
  }
}
