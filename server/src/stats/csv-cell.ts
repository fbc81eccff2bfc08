/**
 * One CSV cell that Excel and WPS show as text. A cell starting with = + - @, a tab or a carriage
 * return is read as a formula (`=HYPERLINK(…)` in an enterprise name becomes a live link), so it gets
 * a leading apostrophe, as OWASP's CSV-injection advice says; then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
