import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, formatPlate, type PassShareResult } from '@pass/shared';
import { type FindOptionsWhere, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { DriversService } from '../drivers/drivers.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { PassEntity } from './pass.entity.js';
import { effectiveStatus } from './pass.view.js';
import { PassCrewMemberEntity } from './pass-crew-member.entity.js';

/** Where a crew member signs in, in the H5 app the server serves (the mini-program has the same page). */
export const crewSignInPage = '/packages/pass/pages/sign-in/index';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/**
 * The crew's side of a pass: which passes a crew session may see (those whose crew has a driver record
 * with its phone, today: a record whose phone changed takes the pass to the new number), and a fleet
 * manager telling the crew that a pass is there.
 */
@Injectable()
export class PassCrew {
  constructor(
    @InjectRepository(PassCrewMemberEntity) private readonly members: Repository<PassCrewMemberEntity>,
    private readonly drivers: DriversService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** The ids of the passes a crew session with this phone rides on (none for an unknown phone). */
  async passIdsOf(phone: string | null): Promise<string[]> {
    const member = await this.memberWithPhone(phone);
    if (!member) return [];
    const rows = await this.members.find({ select: { passId: true }, where: member });
    return [...new Set(rows.map((r) => r.passId))];
  }

  async rides(phone: string | null, passId: string): Promise<boolean> {
    const member = await this.memberWithPhone(phone);
    return member !== undefined && this.members.existsBy({ ...member, passId });
  }

  /** Crew rows of the driver records with this phone, today; undefined when there are none. */
  private async memberWithPhone(phone: string | null): Promise<FindOptionsWhere<PassCrewMemberEntity> | undefined> {
    const driverIds = phone ? await this.drivers.idsWithPhone(phone) : [];
    return driverIds.length === 0 ? undefined : { driverId: In(driverIds) };
  }

  /**
   * 发送给司乘人员: a text to each crew member's phone saying the pass is there and how to open it.
   * The pass needs no "shared" mark: it already shows to every crew member who signs in with the phone
   * on their driver record, as an e-licence app shows a licence to its holder. What the driver lacks is
   * knowing it is there and how to get in, which is what 12123-style services send by SMS, so that is
   * what this does. Sent now (not through the outbox): the fleet manager is told at once who got it.
   */
  async share(actor: RequestActor, pass: PassEntity): Promise<PassShareResult> {
    if (effectiveStatus(pass) !== 'active') throw new DomainException(ErrorCode.PassNotActive);
    const crew = await this.members.findBy({ passId: pass.id });
    const phones = (await this.drivers.phonesOf(crew.map((c) => c.driverId))).sort();
    const link = this.notifications.appPageLink(crewSignInPage);
    for (const phone of phones) {
      await this.notifications.sendText(
        phone,
        '通行证已发送给您',
        `${pass.enterpriseName}为车辆${formatPlate(pass.plate)}办理的通行证${pass.passNumber}（${pass.validFrom}至${pass.validTo}）可在手机上出示：打开“重点物资运输车辆通行证”小程序，点“驾驶员/押运员登录”，用本手机号接收验证码登录；或打开 ${link}`,
      );
    }
    await this.members.manager.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'pass.share',
        entityType: 'pass',
        entityId: pass.id,
        after: { sentTo: phones.map(masked) },
      }),
    );
    return { sentTo: phones.map(masked) };
  }
}
