/**
 * Switches a row's stamp such as `disabledAt` or `retiredAt` on (keeping the moment it was first set) or
 * off, and answers the change as the audit log records it: `{ before: { retired: false }, after: { retired: true } }`.
 */
export function switchStamp<K extends string, Flag extends string>(
  row: Record<K, Date | null>,
  key: K,
  on: boolean,
  flag: Flag,
): { before: Record<Flag, boolean>; after: Record<Flag, boolean> } {
  const was = row[key] !== null;
  row[key] = on ? (row[key] ?? new Date()) : null;
  return { before: { [flag]: was } as Record<Flag, boolean>, after: { [flag]: on } as Record<Flag, boolean> };
}
