import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Gapless sequences: pass serials per division code (`serial:320100`) and the status-list index
 * (`status-index`). A row is locked for the length of the issuing transaction, so two server
 * processes never hand out the same value and a rolled-back issue leaves no gap.
 */
@Entity('counters')
export class CounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ name: 'next_value', type: 'int' })
  nextValue: number;
}
