import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';

/** A self-registration, counted per address: each one costs a memory-hard password hash. */
@Entity('registration_attempts')
@Index('idx_registration_attempts_ip', ['ip', 'createdAt'])
export class RegistrationAttemptEntity extends BaseRecord {
  @column.text(45) ip: string;
}
