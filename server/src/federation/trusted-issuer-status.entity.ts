import { Entity, PrimaryColumn } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * One ended pass (revoked, superseded) in a trusted issuer's status list: only the non-zero entries are
 * kept, so a list of a million passes costs as many rows as it has ended passes.
 */
@Entity('trusted_issuer_statuses')
export class TrustedIssuerStatusEntity {
  @PrimaryColumn({ name: 'issuer_id', type: 'varchar', length: 36 })
  issuerId: string;

  @PrimaryColumn({ name: 'status_index', type: 'int' })
  statusIndex: number;

  /** PassTokenStatus: 1 revoked, 2 superseded, 3 reserved. */
  @column.int() status: number;
}
