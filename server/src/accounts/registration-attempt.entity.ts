import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/** A self-registration, counted per address: each one costs a memory-hard password hash. */
@Entity('registration_attempts')
@Index('idx_registration_attempts_ip', ['ip', 'createdAt'])
export class RegistrationAttemptEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 45 })
  ip: string;
}
