import { Entity } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * Every change of a pass's revocation status, in order. The highest `version` is the status list's
 * version; a device that holds version N asks for the rows after N. Versions come from a counter
 * row locked until the change commits (not AUTO_INCREMENT, which is assigned at insert): a change
 * can never become visible after a later version, so no device skips it.
 */
@Entity('pass_status_changes')
export class PassStatusChangeEntity {
  @column.primaryInt() version: number;
  @column.int('status_index') statusIndex: number;
  /** A PassTokenStatus: 1 revoked, 2 superseded. */
  @column.int() status: number;
  @column.timestamp('created_at') createdAt: Date;
}
