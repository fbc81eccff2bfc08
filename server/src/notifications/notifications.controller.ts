import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiIdParam, IdParam, ZodQuery } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { NotificationsService } from './notifications.service.js';

/** The message centre: every role reads and marks only its own messages. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.FleetManager, Role.Official, Role.CheckpointStaff, Role.Admin)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的消息，最新的在前（分页）' })
  @ApiZodResponse(notificationPageSchema)
  list(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(notificationListQuerySchema) query: NotificationListQuery,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query.cursor, query.limit);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读消息数' })
  @ApiZodResponse(unreadCountSchema)
  async unreadCount(@CurrentActor() actor: RequestActor): Promise<UnreadCount> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Get('subscribe-templates')
  @ApiOperation({ summary: '本角色可订阅的微信订阅消息模板（小程序在相关操作时请求授权）' })
  @ApiZodResponse(subscribeTemplatesSchema)
  subscribeTemplates(@CurrentActor() actor: RequestActor): SubscribeTemplates {
    return this.notifications.subscribeTemplates(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiZodResponse(unreadCountSchema)
  async readAll(@CurrentActor() actor: RequestActor): Promise<UnreadCount> {
    return { unread: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: '标为已读；他人的消息答 404' })
  @ApiZodResponse(notificationViewSchema)
  read(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
