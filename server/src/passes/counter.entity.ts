import { Entity } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * Gapless sequences: pass serials per division code (`serial:320100`) and the status-list index
 * (`status-index`). A row is locked for the length of the issuing transaction, so two server
 * processes never hand out the same value and a rolled-back issue leaves no gap.
 */
@Entity('counters')
export class CounterEntity {
  @column.primaryText(32) name: string;
  @column.int('next_value') nextValue: number;
}
