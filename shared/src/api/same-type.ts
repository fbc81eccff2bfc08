/** True when A and B are assignable both ways. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A compile-time check that a hand-written type and the schema describing it agree: `sameType<A, B>(true)`
 * fails to type-check when they part ways. Costs one call at run time.
 */
export const sameType = <A, B>(agree: SameType<A, B>): SameType<A, B> => agree;
