import { z as zod } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/**
 * The one place zod is configured: its built-in messages (for checks no schema here words itself)
 * come out in Simplified Chinese. This is `z.config(z.locales.zhCN())`, with the locale imported on
 * its own so the mini-program bundle does not carry zod's forty-odd other locales.
 *
 * Schemas import `z` from this module, never from 'zod', so the configuration has run before any of
 * them parses. `z` is this module's own binding (an alias, with zod's types), not a re-export, so a
 * bundler cannot shortcut an import of it to 'zod' and skip the calls below; and the module has no
 * side effects of its own to keep, so a page that parses nothing (the login page) loads no zod.
 */
zod.config(zhCN());
// zod compiles faster object parsers with `new Function` when a probe says it may. WeChat's logic layer
// passes that probe but its `new Function` builds nothing (only `new Function('return this')` works), so
// every compiled parser threw and forms rendered blank; the H5 app's Content-Security-Policy (no
// 'unsafe-eval') reports the probe as a violation. Parse without it everywhere, so the server checks
// input exactly as the forms do.
zod.config({ jitless: true });

export import z = zod;
