import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxWorker } from './outbox.worker.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { LoggingSmsSender, SMS_SENDER } from './sms.sender.js';
import { WechatSubscribeClient } from './wechat-subscribe.client.js';

/** Notifications: the transactional outbox, its worker, the channels, and the in-app message centre. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, NotificationEntity]), AccountsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    OutboxWorker,
    WechatSubscribeClient,
    { provide: SMS_SENDER, useClass: LoggingSmsSender },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
