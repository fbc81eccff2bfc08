import { appendFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** What a text message says and to which number (an outbox row is one). */
export interface SmsText {
  address: string | null;
  title: string;
  body: string;
}

/** Sends a text message; a deployment binds its carrier's gateway here (SMS_SENDER). */
export interface SmsSender {
  send(message: SmsText): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * Development: the message goes to the log instead of a phone (the number masked). With SMS_DEV_FILE
 * (refused in production) it is also appended to that file in full, where tests read sign-in codes.
 */
@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('SMS');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(message: SmsText): Promise<void> {
    const phone = message.address ?? '';
    const text = `【通行证】${message.title}：${message.body}`;
    this.logger.log(`to ${phone.slice(0, 3)}****${phone.slice(-4)}: ${text}`);
    const file = this.config.notifications.smsDevFile;
    if (file) appendFileSync(file, `${JSON.stringify({ to: phone, text, at: new Date().toISOString() })}\n`);
  }
}
