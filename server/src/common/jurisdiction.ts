/**
 * A LIKE pattern for the division codes a jurisdiction covers (a province its first 2 digits, a city 4, a
 * county all 6), for the modules that scope their own lists to an official's jurisdiction.
 */
export function jurisdictionPattern(code: string): string {
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return `${code}%`;
}
