import type { TableColumnOptions } from 'typeorm';

/** The columns of BaseRecord, for migrations. */
export const baseRecordColumns: TableColumnOptions[] = [
  { name: 'id', type: 'varchar', length: '36', isPrimary: true },
  { name: 'created_at', type: 'datetime', precision: 3 },
  { name: 'updated_at', type: 'datetime', precision: 3 },
];
