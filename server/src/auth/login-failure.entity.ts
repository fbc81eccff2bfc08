import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/** A failed sign-in; counted per phone and per address to slow password guessing across all servers. */
@Entity('login_failures')
@Index('idx_login_failures_phone', ['phone', 'createdAt'])
@Index('idx_login_failures_ip', ['ip', 'createdAt'])
export class LoginFailureEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'varchar', length: 45 })
  ip: string;
}
