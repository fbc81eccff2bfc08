import { Injectable, Logger } from '@nestjs/common';
import type { OutboxMessageEntity } from './outbox-message.entity.js';

/** Sends a text message; a deployment binds its carrier's gateway here (SMS_SENDER). */
export interface SmsSender {
  send(message: OutboxMessageEntity): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** Development: the message goes to the log instead of a phone (the number masked). */
@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('SMS');

  async send(message: OutboxMessageEntity): Promise<void> {
    const phone = message.address ?? '';
    this.logger.log(`to ${phone.slice(0, 3)}****${phone.slice(-4)}: 【通行证】${message.title}：${message.body}`);
  }
}
