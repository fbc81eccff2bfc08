import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';

/**
 * A sign-in attempt that failed or is being checked; counted per account and address, per address and
 * per account to slow password guessing across all servers (see LoginThrottleService).
 */
@Entity('login_failures')
@Index('idx_login_failures_phone', ['phone', 'createdAt'])
@Index('idx_login_failures_ip', ['ip', 'createdAt'])
@Index('idx_login_failures_phone_ip', ['phone', 'ip', 'createdAt'])
export class LoginFailureEntity extends BaseRecord {
  @column.phone() phone: string;
  @column.text(45) ip: string;
}
