import { Injectable } from '@nestjs/common';
import { addDays, chinaToday, NotificationEvent } from '@pass/shared';
import { type EntityManager, In } from 'typeorm';
import { type Notice, ScanningNotices } from '../notifications/notifications.service.js';
import { PassEntity } from './pass.entity.js';

const dayMs = 86_400_000;

/**
 * What happens to a pass, told to its enterprise's fleet managers in the transaction of the change:
 * issued, revoked, superseded; and, by a scheduled scan, a pass whose last day ends within 24 hours.
 */
@Injectable()
export class PassNotices extends ScanningNotices<PassEntity> {
  /**
   * The notice of a pass about to be issued to the enterprise: its fleet managers are read now, the
   * notice written by the function returned once the pass (and its number) exists.
   */
  async issued(manager: EntityManager, enterpriseId: string): Promise<(pass: PassEntity) => Promise<void>> {
    const recipients = await this.notifications.recipients(manager, { enterpriseId });
    return (pass) => {
      const what = `已签发，有效期 ${pass.validFrom} 至 ${pass.validTo}。`;
      const notice = aboutPass(pass, NotificationEvent.PassIssued, '通行证已签发', what);
      return this.notifications.enqueueTo(manager, notice, recipients);
    };
  }

  revoked(manager: EntityManager, pass: PassEntity, reason: string): Promise<void> {
    const what = `已撤销，不能再使用。原因：${reason}`;
    return this.notifications.enqueue(manager, aboutPass(pass, NotificationEvent.PassRevoked, '通行证已撤销', what));
  }

  superseded(manager: EntityManager, old: PassEntity, newNumber: string): Promise<void> {
    const what = `已由新证 ${newNumber} 替代，请使用新证。`;
    return this.notifications.enqueue(
      manager,
      aboutPass(old, NotificationEvent.PassSuperseded, '通行证已被新证替代', what),
    );
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
    const what = `将于 ${pass.validTo} 24:00 到期。`;
    return {
      ...aboutPass(pass, NotificationEvent.PassExpiring, '通行证即将到期', what),
      onceKey: `expiring:${pass.id}`,
    };
  }
}

/** A notice about one pass to its enterprise's fleet managers, opening the pass; `what` follows its plate and number. */
function aboutPass(pass: PassEntity, event: NotificationEvent, title: string, what: string): Notice {
  return {
    event,
    audience: { enterpriseId: pass.enterpriseId },
    title,
    body: `${pass.plate} 的通行证 ${pass.passNumber} ${what}`,
    link: `/packages/pass/pages/detail/index?id=${pass.id}`,
  };
}
