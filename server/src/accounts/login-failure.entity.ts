import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/**
 * A sign-in attempt that failed or is being checked; counted per account and address, per address and
 * per account to slow password guessing across all servers (see LoginThrottleService).
 */
@Entity('login_failures')
@Index('idx_login_failures_phone', ['phone', 'createdAt'])
@Index('idx_login_failures_ip', ['ip', 'createdAt'])
@Index('idx_login_failures_phone_ip', ['phone', 'ip', 'createdAt'])
export class LoginFailureEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'varchar', length: 45 })
  ip: string;
}
