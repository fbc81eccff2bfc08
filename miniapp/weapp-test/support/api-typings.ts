import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * What `miniprogram-api-typings` (Tencent's own declarations of `wx`) says: the names of the APIs a
 * base library has and the allowed values of option fields, so the simulated `wx` refuses what WeChat
 * refuses rather than what its author remembered.
 */
const declarations = readFileSync(
  createRequire(import.meta.url).resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'),
  'utf8',
);

/** Every method of `interface Wx`. */
export const wxApiNames: ReadonlySet<string> = (() => {
  const start = declarations.indexOf('    interface Wx {');
  // Code samples in the doc comments close braces at the same indent: the next declaration ends it.
  const next = declarations.slice(start + 1).search(/\n {4}(interface|type) [A-Za-z]/);
  const end = next < 0 ? declarations.length : start + 1 + next;
  const body = declarations.slice(start, end);
  return new Set([...body.matchAll(/^ {8}([a-zA-Z][a-zA-Z0-9]*)[<(]/gm)].map((m) => m[1]));
})();

/** The string literals a field of an option interface accepts, e.g. ('RequestOption', 'method'). */
export function allowedValues(interfaceName: string, field: string): string[] {
  const start = declarations.search(new RegExp(`\\n {4}interface ${interfaceName}\\b`));
  if (start < 0) throw new Error(`no interface ${interfaceName} in miniprogram-api-typings`);
  const body = declarations.slice(start, declarations.indexOf('\n    }', start));
  const at = body.search(new RegExp(`\\n {8}${field}\\?:`));
  if (at < 0) throw new Error(`no field ${field} in ${interfaceName}`);
  const rest = body.slice(at + 1);
  const next = rest.slice(1).search(/\n {8}(\/\*\*|[a-zA-Z]+\??:)/);
  const type = next < 0 ? rest : rest.slice(0, next + 1);
  return [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
