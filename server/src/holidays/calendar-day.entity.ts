import type { CalendarDayKind } from '@pass/shared';
import { Entity } from 'typeorm';
import { column } from '../database/columns.js';

/** A public holiday or a weekend day worked in exchange (调休); every other day follows the week. */
@Entity('holidays')
export class CalendarDayEntity {
  /** `YYYY-MM-DD`. */
  @column.primaryText(10) date: string;
  @column.text(10) kind: CalendarDayKind;
  @column.text(30) name: string;
}
