import { Injectable } from '@nestjs/common';
import { addDays, chinaToday, NotificationEvent } from '@pass/shared';
import { type EntityManager, In } from 'typeorm';
import type { Statement } from '../database/plain-rows.js';
import type { ReadingStatement } from '../database/statements.js';
import { type Notice, placeholder, ScanningNotices } from '../notifications/notifications.service.js';
import { PassEntity } from './pass.entity.js';

const dayMs = 86_400_000;
/** The placeholder kind of a pass's number, keyed by the pass's id (see PassNotices.issued). */
const passNumberKind = 'pass';

/** What the notice of a pass being issued says of it before the pass has its number. */
export type IssuedPassDraft = Pick<PassEntity, 'id' | 'enterpriseId' | 'plate' | 'validFrom' | 'validTo'>;

/**
 * What happens to a pass, told to its enterprise's fleet managers in the transaction of the change:
 * issued, revoked, superseded; and, by a scheduled scan, a pass whose last day ends within 24 hours.
 */
@Injectable()
export class PassNotices extends ScanningNotices<PassEntity> {
  override onModuleInit(): void {
    super.onModuleInit();
    this.notifications.fillPlaceholdersWith(passNumberKind, [NotificationEvent.PassIssued], async (ids) => {
      const rows = await this.dataSource
        .getRepository(PassEntity)
        .find({ select: { id: true, passNumber: true }, where: { id: In(ids) } });
      return new Map(rows.map((row) => [row.id, row.passNumber]));
    });
  }

  /**
   * The notice of a pass being issued, for the issuance to send (NotificationsService.enqueueStatement):
   * the recipients' read with its other reads, the INSERT it answers with its last writes
   * (IssuedPass.writes). Written before the pass has its number: the issuer's serial, which every
   * approval of the issuer waits for until commit, is taken last (IssuanceService), and the recipients
   * need not be read inside it. The number is put in at delivery (a placeholder for the pass's id,
   * which commits with this row); the recipients are the enterprise's fleet managers now.
   */
  issued(manager: EntityManager, pass: IssuedPassDraft): ReadingStatement<Statement | null> | null {
    const what = `已签发，有效期 ${pass.validFrom} 至 ${pass.validTo}。`;
    const numbered = { ...pass, passNumber: placeholder(passNumberKind, pass.id) };
    return this.notifications.enqueueStatement(
      manager,
      aboutPass(numbered, NotificationEvent.PassIssued, '通行证已签发', what),
    );
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
function aboutPass(
  pass: Pick<PassEntity, 'id' | 'enterpriseId' | 'plate' | 'passNumber'>,
  event: NotificationEvent,
  title: string,
  what: string,
): Notice {
  return {
    event,
    audience: { enterpriseId: pass.enterpriseId },
    title,
    body: `${pass.plate} 的通行证 ${pass.passNumber} ${what}`,
    link: `/packages/pass/pages/detail/index?id=${pass.id}`,
  };
}
