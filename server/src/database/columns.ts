import { Column, type ColumnOptions, PrimaryColumn } from 'typeorm';

/** What a column may add to its kind. */
type Extra = Pick<ColumnOptions, 'nullable' | 'default' | 'transformer'>;

/** For an optional column: `@column.timestamp('ended_at', nullable)`. */
export const nullable = { nullable: true } as const;

/** A column factory taking the database name (where it differs from the property) and extras. */
function kindOf(kind: ColumnOptions) {
  return (nameOrExtra?: string | Extra, extra: Extra = {}): PropertyDecorator => {
    const named = typeof nameOrExtra === 'string' ? { name: nameOrExtra } : nameOrExtra;
    return Column({ ...kind, ...named, ...extra });
  };
}

const decimalToNumber = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * The kinds of column the tables use, each spelled once, so that an entity reads as a list of its
 * domain columns (`@column.plate() plate`) and two tables holding the same thing hold it alike. The
 * types are those every migration creates on MySQL and SQLite alike; names are snake_case.
 */
export const column = {
  /** A row's own id: a UUID or, for scans, the id the scanning device chose. */
  primaryId: (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 }),
  /** A key that is a name or a day (`serial:320100`, `2025-10-01`). */
  primaryText: (length: number, name?: string): PropertyDecorator => PrimaryColumn({ type: 'varchar', length, name }),
  /** A key that is a number handed out in order (a status-list version). */
  primaryInt: (name?: string): PropertyDecorator => PrimaryColumn({ type: 'int', name }),
  /** Text of at most `length` characters. */
  text: (length: number, nameOrExtra?: string | Extra, extra?: Extra): PropertyDecorator =>
    kindOf({ type: 'varchar', length })(nameOrExtra, extra),
  /** The id of another row (a UUID), possibly in another module's table. */
  id: kindOf({ type: 'varchar', length: 36 }),
  /** A moment, to the millisecond. */
  timestamp: kindOf({ type: 'datetime', precision: 3 }),
  /** A calendar day, `YYYY-MM-DD`. */
  day: kindOf({ type: 'date' }),
  int: kindOf({ type: 'int' }),
  /** Text with no set bound (a signed token or document), read and written whole, never queried into. */
  longText: kindOf({ type: 'text' }),
  /** A value read and written whole with its row, never queried into. */
  json: kindOf({ type: 'simple-json' }),
  flag: kindOf({ type: 'boolean', default: false }),
  /** An amount of goods, to the thousandth; read as a number (MySQL's driver answers a decimal as a string). */
  quantity: kindOf({ type: 'decimal', precision: 14, scale: 3, transformer: decimalToNumber }),
  /** A WGS-84 latitude or longitude, in degrees. */
  coordinate: kindOf({ type: 'decimal', precision: 9, scale: 6 }),
  /** A GB/T 2260 division code (province, city or county). */
  regionCode: kindOf({ type: 'varchar', length: 6 }),
  /** A mainland mobile number. */
  phone: kindOf({ type: 'varchar', length: 11 }),
  /** A plate, normalised (no spaces or dots). */
  plate: kindOf({ type: 'varchar', length: 12 }),
  plateColour: kindOf({ type: 'varchar', length: 16, name: 'plate_colour' }),
  /** 证件编号: the issuer's division code and a 6-digit serial. */
  passNumber: kindOf({ type: 'varchar', length: 12, name: 'pass_number' }),
  /** A quota period, `2022-05` or `2022-W21`. */
  period: kindOf({ type: 'varchar', length: 8 }),
  /** 统一社会信用代码 (GB 32100). */
  creditCode: kindOf({ type: 'varchar', length: 18, name: 'credit_code' }),
  /** A state of a state machine, or a kind out of a closed list. */
  status: kindOf({ type: 'varchar', length: 16 }),
  /** A reason or comment a person wrote. */
  reason: kindOf({ type: 'varchar', length: 500 }),
  /** An account's role. */
  role: kindOf({ type: 'varchar', length: 20 }),
  /** A person's name. */
  personName: kindOf({ type: 'varchar', length: 50 }),
  /** A SHA-256 digest, hex. */
  digest: kindOf({ type: 'varchar', length: 64 }),
};
