import type { CalendarDayKind } from '@pass/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public holiday or a weekend day worked in exchange (调休); every other day follows the week. */
@Entity('holidays')
export class CalendarDayEntity {
  /** `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 10 })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 30 })
  name: string;
}
