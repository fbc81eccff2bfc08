import { Injectable } from '@nestjs/common';
import { type ApplicationAction, NotificationEvent } from '@pass/shared';
import type { EntityManager } from 'typeorm';
import { ScanningNotices } from '../notifications/notifications.service.js';
import { ApplicationEntity } from './application.entity.js';

const detailLink = (id: string) => `/packages/fleet/pages/application-detail/index?id=${id}`;
const reviewLink = (id: string) => `/packages/review/pages/detail/index?id=${id}`;
const inReview = ['submitted', 'resubmitted', 'under_review'];
/** Overdue applications looked at per scan; the oldest due first. */
const overdueScanLimit = 500;

/**
 * What an application's steps tell, written in the step's transaction: the applicant hears of a
 * return or a rejection, the officials of the step it reaches of a new arrival (as a digest), and a
 * scheduled scan tells the officials of each application that fell overdue in their queue.
 */
@Injectable()
export class ApplicationNotices extends ScanningNotices<ApplicationEntity> {
  async stepTaken(
    manager: EntityManager,
    before: ApplicationEntity,
    after: ApplicationEntity,
    action: ApplicationAction,
  ): Promise<void> {
    const audience = { enterpriseId: after.enterpriseId };
    if (action === 'return') {
      await this.notifications.enqueue(manager, {
        event: NotificationEvent.ApplicationReturned,
        audience,
        title: '申请被退回修改',
        body: `退回原因：${after.lastReason ?? '见申请详情'}。请修改后重新提交。`,
        link: detailLink(after.id),
      });
    } else if (action === 'reject') {
      await this.notifications.enqueue(manager, {
        event: NotificationEvent.ApplicationRejected,
        audience,
        title: '申请未通过',
        body: `原因：${after.lastReason ?? '见申请详情'}。`,
        link: detailLink(after.id),
      });
    }
    const arrived =
      after.currentLevel !== null &&
      after.currentJurisdiction !== null &&
      (before.currentLevel === null || before.reviewLevelIndex !== after.reviewLevelIndex);
    if (arrived) {
      await this.notifications.enqueue(manager, {
        event: NotificationEvent.QueueNew,
        audience: { jurisdictionCodes: [after.currentJurisdiction!], level: after.currentLevel! },
        title: '新申请待审核',
        body: '审核队列有新申请。',
        link: '/packages/review/pages/queue/index',
      });
    }
  }

  /** The applications past their deadline in a queue, the oldest due first. */
  protected due(now: Date): Promise<ApplicationEntity[]> {
    return this.dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.due_at < :now AND a.status IN (:...inReview) AND a.current_level IS NOT NULL', { now, inReview })
      .orderBy('a.due_at', 'ASC')
      .take(overdueScanLimit)
      .getMany();
  }

  /** Once per application and deadline (the key). */
  protected noticeOf(app: ApplicationEntity) {
    return {
      event: NotificationEvent.ApplicationOverdue,
      audience: { jurisdictionCodes: [app.currentJurisdiction!], level: app.currentLevel! },
      title: '申请已超过审核期限',
      body: `一件申请已于 ${beijingMinute(app.dueAt!)} 到期未审，请尽快处理。`,
      link: reviewLink(app.id),
      onceKey: `overdue:${app.id}:${app.dueAt!.getTime()}`,
    };
  }
}

function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
