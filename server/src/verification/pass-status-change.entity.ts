import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every change of a pass's revocation status, in order. The highest `seq` is the status list's
 * version; a device that holds version N asks for the rows after N.
 */
@Entity('pass_status_changes')
export class PassStatusChangeEntity {
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Column({ name: 'status_index', type: 'int' })
  statusIndex: number;

  /** A PassTokenStatus: 1 revoked, 2 superseded. */
  @Column({ type: 'int' })
  status: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
