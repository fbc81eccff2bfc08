import { Injectable } from '@nestjs/common';
import { addDays, chinaToday, NotificationEvent } from '@pass/shared';
import { type EntityManager, In } from 'typeorm';
import { ScanningNotices } from '../notifications/notifications.service.js';
import { PassEntity } from './pass.entity.js';

const passLink = (id: string) => `/packages/pass/pages/detail/index?id=${id}`;
const dayMs = 86_400_000;

/**
 * What happens to a pass, told to its enterprise's fleet managers in the transaction of the change:
 * issued, revoked, superseded; and, by a scheduled scan, a pass whose last day ends within 24 hours.
 */
@Injectable()
export class PassNotices extends ScanningNotices<PassEntity> {
  issued(manager: EntityManager, pass: PassEntity): Promise<void> {
    return this.notifications.enqueue(manager, {
      event: NotificationEvent.PassIssued,
      audience: { enterpriseId: pass.enterpriseId },
      title: '通行证已签发',
      body: `${pass.plate} 的通行证 ${pass.passNumber} 已签发，有效期 ${pass.validFrom} 至 ${pass.validTo}。`,
      link: passLink(pass.id),
    });
  }

  revoked(manager: EntityManager, pass: PassEntity, reason: string): Promise<void> {
    return this.notifications.enqueue(manager, {
      event: NotificationEvent.PassRevoked,
      audience: { enterpriseId: pass.enterpriseId },
      title: '通行证已撤销',
      body: `${pass.plate} 的通行证 ${pass.passNumber} 已撤销，不能再使用。原因：${reason}`,
      link: passLink(pass.id),
    });
  }

  superseded(manager: EntityManager, old: PassEntity, newNumber: string): Promise<void> {
    return this.notifications.enqueue(manager, {
      event: NotificationEvent.PassSuperseded,
      audience: { enterpriseId: old.enterpriseId },
      title: '通行证已被新证替代',
      body: `${old.plate} 的通行证 ${old.passNumber} 已由新证 ${newNumber} 替代，请使用新证。`,
      link: passLink(old.id),
    });
  }

  /** A pass is valid through its last day, Beijing time: those whose end is within 24 hours. */
  protected async due(now: Date): Promise<PassEntity[]> {
    const today = chinaToday(now);
    const passes = await this.dataSource
      .getRepository(PassEntity)
      .findBy({ status: 'active', validTo: In([today, addDays(today, 1)]) });
    return passes.filter((pass) => {
      const ends = new Date(`${addDays(pass.validTo, 1)}T00:00:00+08:00`);
      return ends.getTime() - now.getTime() <= dayMs && ends > now;
    });
  }

  /** Told once (the key) however often the scan runs. */
  protected noticeOf(pass: PassEntity) {
    return {
      event: NotificationEvent.PassExpiring,
      audience: { enterpriseId: pass.enterpriseId },
      title: '通行证即将到期',
      body: `${pass.plate} 的通行证 ${pass.passNumber} 将于 ${pass.validTo} 24:00 到期。`,
      link: passLink(pass.id),
      onceKey: `expiring:${pass.id}`,
    };
  }
}
