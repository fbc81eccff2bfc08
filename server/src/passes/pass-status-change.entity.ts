import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every change of a pass's revocation status, in order. The highest `version` is the status list's
 * version; a device that holds version N asks for the rows after N. Versions come from a counter
 * row locked until the change commits (not AUTO_INCREMENT, which is assigned at insert): a change
 * can never become visible after a later version, so no device skips it.
 */
@Entity('pass_status_changes')
export class PassStatusChangeEntity {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ name: 'status_index', type: 'int' })
  statusIndex: number;

  /** A PassTokenStatus: 1 revoked, 2 superseded. */
  @Column({ type: 'int' })
  status: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
