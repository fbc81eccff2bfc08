import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/**
 * The one place zod is configured: its built-in messages (for checks no schema here words itself)
 * come out in Simplified Chinese. This is `z.config(z.locales.zhCN())`, with the locale imported on
 * its own so the mini-program bundle does not carry zod's forty-odd other locales.
 *
 * Schemas import `z` from this module, never from 'zod', so the configuration has run before any of
 * them parses. Listed in package.json "sideEffects" so bundlers keep the call even when they shortcut
 * the re-export.
 */
z.config(zhCN());

/**
 * Outside Node (the mini-program in WeChat and in browsers) zod parses without JIT. zod compiles
 * object parsers with `new Function` when a probe says it may; WeChat's logic layer passes that probe
 * but its `new Function` builds no function (only `new Function('return this')` works), so every
 * compiled parser threw and forms rendered blank. The server keeps the faster compiled parsers.
 */
const host = globalThis as { process?: { versions?: { node?: unknown } } };
const inNode = typeof host.process?.versions?.node === 'string';
if (!inNode) z.config({ jitless: true });

export { z };
