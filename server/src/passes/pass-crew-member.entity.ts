import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';

/**
 * Which driver records a pass was issued with, so a crew session finds its passes by index: the
 * passes whose crew has a driver record with the session's phone (the pass's own crew is a JSON
 * snapshot for printing, not queried into). Written at issuance, never changed.
 */
@Entity('pass_crew_members')
@Index('uq_pass_crew_members', ['passId', 'driverId'], { unique: true })
@Index('idx_pass_crew_members_driver', ['driverId', 'passId'])
export class PassCrewMemberEntity extends BaseRecord {
  @column.id('pass_id') passId: string;
  @column.id('driver_id') driverId: string;
}
