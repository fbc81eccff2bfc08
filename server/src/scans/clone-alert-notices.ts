import { Injectable } from '@nestjs/common';
import { NotificationEvent } from '@pass/shared';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PassesService } from '../passes/passes.service.js';

/** A suspected clone, told to the officials who see its alert (ScansService.alerts): the pass's county, city and province. */
@Injectable()
export class CloneAlertNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly passes: PassesService,
  ) {}

  async alertRaised(manager: EntityManager, passId: string, km: number, minutes: number): Promise<void> {
    const [pass] = await this.passes.findByIds([passId]);
    if (!pass) return;
    const codes = [pass.routingCounty, pass.issuerCode].flatMap((c) => [
      c,
      `${c.slice(0, 4)}00`,
      `${c.slice(0, 2)}0000`,
    ]);
    await this.notifications.enqueue(manager, {
      event: NotificationEvent.CloneAlert,
      audience: { jurisdictionCodes: [...new Set(codes)] },
      title: '疑似套牌通行证',
      body: `${pass.plate} 的通行证 ${pass.passNumber} 在 ${Math.round(minutes)} 分钟内出现在相距 ${Math.round(km)} 公里的两个卡口。`,
      link: '/packages/review/pages/alerts/index',
    });
  }
}
