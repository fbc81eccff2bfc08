import { Controller } from '@nestjs/common';
import { notificationRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { NotificationsService } from './notifications.service.js';

/** The message centre: every role reads and marks only its own messages. */
@Controller()
export class NotificationsController extends ServiceRoutes(NotificationsService, notificationRoutes, {
  list: (notifications, { actor, input }) => notifications.list(actor, input.cursor, input.limit),
  unreadCount: async (notifications, { actor }) => ({ unread: await notifications.unreadCount(actor) }),
  subscribeTemplates: (notifications, { actor }) => notifications.subscribeTemplates(actor),
  readAll: async (notifications, { actor }) => ({ unread: await notifications.markAllRead(actor) }),
  read: (notifications, { actor, id }) => notifications.markRead(actor, id),
}) {}
