import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * One SMS sign-in code sent to a crew member's phone (and, once used, the crew session it opened: its
 * refresh tokens name this row). The code is kept only as a digest salted with the row's id; it
 * expires, counts its wrong guesses and is used once. Rows are also the count the send limits read.
 */
@Entity('crew_sign_ins')
@Index('idx_crew_sign_ins_phone', ['phone', 'createdAt'])
@Index('idx_crew_sign_ins_ip', ['ip', 'createdAt'])
export class CrewSignInEntity extends BaseRecord {
  @column.phone() phone: string;
  @column.text(45) ip: string;
  @column.digest('code_hash') codeHash: string;
  @column.timestamp('expires_at') expiresAt: Date;
  @column.int('failed_attempts') failedAttempts: number;
  @column.timestamp('used_at', nullable) usedAt: Date | null;
}
