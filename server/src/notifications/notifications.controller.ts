import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type NotificationListQuery,
  type NotificationView,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationViewSchema,
  type Page,
  Role,
  type SubscribeTemplates,
  subscribeTemplatesSchema,
  type UnreadCount,
  unreadCountSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { NotificationsService } from './notifications.service.js';

/** The message centre: every role reads and marks only its own messages. */
@ApiTags('notifications')
@Roles(Role.FleetManager, Role.Official, Role.CheckpointStaff, Role.Admin)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route.get({
    summary: '我的消息，最新的在前（分页）',
    response: notificationPageSchema,
    query: notificationListQuerySchema,
  })
  list(@CurrentActor() actor: RequestActor, @Input() query: NotificationListQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query.cursor, query.limit);
  }

  @Route.get('unread-count', { summary: '未读消息数', response: unreadCountSchema })
  async unreadCount(@CurrentActor() actor: RequestActor): Promise<UnreadCount> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Route.get('subscribe-templates', {
    summary: '本角色可订阅的微信订阅消息模板（小程序在相关操作时请求授权）',
    response: subscribeTemplatesSchema,
  })
  subscribeTemplates(@CurrentActor() actor: RequestActor): SubscribeTemplates {
    return this.notifications.subscribeTemplates(actor);
  }

  @Route.action('read-all', { summary: '全部标为已读', response: unreadCountSchema })
  async readAll(@CurrentActor() actor: RequestActor): Promise<UnreadCount> {
    return { unread: await this.notifications.markAllRead(actor) };
  }

  @Route.action(':id/read', { summary: '标为已读；他人的消息答 404', response: notificationViewSchema })
  read(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
