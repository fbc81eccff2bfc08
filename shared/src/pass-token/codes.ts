import type { PlateColour } from '../validation/plate.js';

/**
 * Small-integer codes of the enums a token carries. They are part of the token format: a code never
 * changes meaning once issued; new values get new codes, and verifiers must learn them before issuers
 * use them (until then an issuer can send a new material category as its text code, see claims.ts).
 */
export const plateColourCodes: Readonly<Record<PlateColour, number>> = {
  blue: 1,
  yellow: 2,
  green: 3,
  yellow_green: 4,
  white: 5,
  black: 6,
};

/** The national categories of the April 2022 template; provincial ones travel as text. */
export const materialCategoryCodes: Readonly<Record<string, number>> = {
  medical: 1,
  daily_necessities: 2,
  government_reserves: 3,
  postal_express: 4,
  agricultural_inputs: 5,
  energy: 6,
  raw_materials: 7,
  key_industrial_products: 8,
  foreign_trade: 9,
};

export function invert<K extends string>(table: Readonly<Record<K, number>>): ReadonlyMap<number, K> {
  return new Map(Object.entries(table).map(([key, code]) => [code as number, key as K]));
}
