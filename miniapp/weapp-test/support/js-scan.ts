import { type Node, parse } from 'acorn';
import { analyze } from 'eslint-scope';

/** Globals of a browser that WeChat's logic layer does not have. */
export const browserOnlyGlobals = [
  'window',
  'document',
  'self',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'URL',
  'URLSearchParams',
  'Blob',
  'FormData',
  'crypto',
  'alert',
  'structuredClone',
];

export interface ScanResult {
  /** The syntax error at the ECMAScript edition asked for, if any. */
  syntaxError?: string;
  /** `name @ offset: code` for each read of a browser-only global outside a `typeof` guard. */
  unguardedGlobals: string[];
  /** Calls of eval or of the Function constructor (other than WeChat's `Function('return this')`). */
  codeFromStrings: string[];
  /** Uses of built-ins the oldest supported engines lack (Object.hasOwn before iOS 15.4). */
  missingBuiltins: string[];
}

type AnyNode = Node & Record<string, unknown> & { parent?: AnyNode };

function linkParents(node: AnyNode, parent?: AnyNode) {
  node.parent = parent;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') linkParents(child, node);
    } else if (value && typeof (value as AnyNode).type === 'string') linkParents(value as AnyNode, node);
  }
}

function containsTypeofOf(node: AnyNode | undefined, name: string): boolean {
  if (!node) return false;
  if (node.type === 'UnaryExpression' && node.operator === 'typeof') {
    const argument = node.argument as AnyNode;
    return argument.type === 'Identifier' && argument.name === name;
  }
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = node[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child.type === 'string' && containsTypeofOf(child as AnyNode, name)) return true;
    }
  }
  return false;
}

/** True when a `typeof name` check decides whether `node` runs (or `node` is that check itself). */
function isGuarded(node: AnyNode, name: string): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'UnaryExpression' && parent.operator === 'typeof') return true;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      if (containsTypeofOf(parent.test as AnyNode, name)) return true;
    }
    if (parent.type === 'LogicalExpression' && child === parent.right) {
      if (containsTypeofOf(parent.left as AnyNode, name)) return true;
    }
  }
  return false;
}

const snippet = (code: string, node: Node) => code.slice(Math.max(0, node.start - 40), node.end + 40);

/** Parses one script of the build at `ecmaVersion` and lists what WeChat's logic layer would not run. */
export function scanScript(code: string, ecmaVersion: number): ScanResult {
  const result: ScanResult = { unguardedGlobals: [], codeFromStrings: [], missingBuiltins: [] };
  let ast: AnyNode;
  try {
    ast = parse(code, { ecmaVersion: ecmaVersion as 2019, sourceType: 'script', ranges: true }) as AnyNode;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    result.syntaxError = `${(error as Error).message}: ${code.slice(Math.max(0, pos - 40), pos + 40)}`;
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', ranges: true }) as AnyNode;
  }
  const scopes = analyze(ast as never, { ecmaVersion: 2022 as never, sourceType: 'script' });
  linkParents(ast);
  const globalScope = scopes.globalScope!;
  const unresolved = [...globalScope.through];
  for (const reference of unresolved) {
    const identifier = reference.identifier as unknown as AnyNode;
    const name = (identifier as unknown as { name: string }).name;
    if (browserOnlyGlobals.includes(name) && !isGuarded(identifier, name)) {
      result.unguardedGlobals.push(`${name} @ ${identifier.start}: ${snippet(code, identifier)}`);
    }
    if (name === 'eval' || name === 'Function') {
      const parent = identifier.parent!;
      const called =
        (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === identifier;
      if (!called) continue;
      const args = parent.arguments as AnyNode[];
      const returnThis =
        name === 'Function' &&
        args.length === 1 &&
        args[0].type === 'Literal' &&
        /^\s*return this;?\s*$/.test(String(args[0].value));
      if (!returnThis) result.codeFromStrings.push(`${name} @ ${identifier.start}: ${snippet(code, identifier)}`);
    }
    if (name === 'Object') {
      const parent = identifier.parent!;
      if (parent.type === 'MemberExpression' && parent.object === identifier) {
        const property = parent.property as AnyNode;
        const probed = parent.parent?.type === 'UnaryExpression' && parent.parent.operator === 'typeof';
        if (!parent.computed && property.type === 'Identifier' && property.name === 'hasOwn' && !probed) {
          result.missingBuiltins.push(`Object.hasOwn @ ${identifier.start}: ${snippet(code, identifier)}`);
        }
      }
    }
  }
  return result;
}
