import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { compileWxml, wxssProblems } from './support/compilers.js';
import { scanScript } from './support/js-scan.js';
import { packageSizes, sizeFailures } from './support/package-sizes.mjs';
import {
  appJson,
  baseLibrary,
  buildFiles,
  builtApiBase,
  ecmaVersionOf,
  miniappRoot,
  pageRoutes,
  readBuildFile,
  readJson,
  weappRoot,
} from './support/weapp-build.js';
import { loadWxml } from './support/wxml.js';

const { weappBuildProblems } = createRequire(import.meta.url)('../config/weapp-release.js') as {
  weappBuildProblems(settings: { apiBase?: string; appId?: string }): string[];
};

const exists = (rel: string) => existsSync(join(weappRoot, rel));

/**
 * zod's checks for its base64 and JWT string formats and its base64 codecs call atob/btoa. They run
 * only for schemas built with those formats, which neither shared nor the mini-program builds (the
 * next test holds that); the pass token has its own base64 (shared/src/pass-token/base64.ts).
 */
const zodStringFormats = [
  // Minified names change with every build: match the shapes, not the letters.
  /atob\([\w$]+\),[\w$]+=new Uint8Array/,
  /return btoa\([\w$]+\)/,
  /try\{return atob\([\w$]+\),!0\}/,
  /JSON\.parse\(atob\([\w$]+\)\)/,
];

/**
 * utf8ToBytes of @noble/hashes and @noble/ciphers 1.x (bundled with sm-crypto-v2, the SM2 library)
 * builds a TextEncoder, for string input only. The SM2 check (shared/src/pass-token/signature-schemes.ts)
 * hands the library bytes only, and sm2.weapp.ts verifies SM2 passes in the realm, which has no
 * TextEncoder: were it reached there, those checks would fail.
 */
const nobleUtf8ToBytes = /expected"\);return new Uint8Array\(\(new TextEncoder\)\.encode\([\w$]+\)\)\}/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.spec.ts'))
    .map((name) => join(dir, name));
}

describe('the weapp build, read as WeChat reads it', () => {
  it('has every page of app.json, in its package, with its script, template and config', () => {
    const routes = pageRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.flatMap(({ route }) =>
      ['.js', '.json', '.wxml'].filter((ext) => !exists(`${route}${ext}`)).map((ext) => `${route}${ext}`),
    );
    expect(missing).toEqual([]);
    const app = appJson();
    const roots = (app.subPackages ?? []).map((sub) => sub.root);
    const preloads = Object.values(app.preloadRule ?? {}).flatMap((rule) => rule.packages);
    expect(preloads.filter((root) => !roots.includes(root))).toEqual([]);
  });

  it('resolves every usingComponents entry and every require of every script', () => {
    const unresolved: string[] = [];
    for (const file of buildFiles('.json')) {
      const config = readJson<{ usingComponents?: Record<string, string> }>(file);
      for (const [name, path] of Object.entries(config.usingComponents ?? {})) {
        const target = path.startsWith('/') ? path.slice(1) : normalize(join(dirname(file), path));
        if (!exists(`${target}.js`) || !exists(`${target}.json`)) unresolved.push(`${file}: ${name} → ${path}`);
      }
    }
    for (const file of buildFiles('.js')) {
      for (const [, path] of readBuildFile(file).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
        if (!path.startsWith('.')) continue;
        const target = normalize(join(dirname(file), path));
        if (!exists(target) && !exists(`${target}.js`)) unresolved.push(`${file}: require(${path})`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it("keeps every package within WeChat's size limits", () => {
    const measured = packageSizes(weappRoot);
    expect(measured.sizes.size).toBe((appJson().subPackages ?? []).length + 1);
    expect(sizeFailures(measured)).toEqual([]);
  });

  it('refuses a production build without an https API origin and an appid, and this build has both', () => {
    expect(weappBuildProblems({ apiBase: 'https://pass.example.gov.cn', appId: 'wx0123456789abcdef' })).toEqual([]);
    expect(weappBuildProblems({ apiBase: 'http://127.0.0.1:3000', appId: 'wx0123456789abcdef' })).toEqual([
      expect.stringContaining('must be an https origin'),
    ]);
    expect(weappBuildProblems({ apiBase: undefined, appId: undefined })).toHaveLength(2);
    const scripts = buildFiles('.js').map(readBuildFile).join('\n');
    expect(scripts).toContain(builtApiBase());
    expect(builtApiBase()).toMatch(/^https:\/\//);
    expect(scripts).not.toContain('http://127.0.0.1');
    expect(readJson<{ appid: string }>('project.config.json').appid).toBeTruthy();
  });

  it('states the same minimum base library in project.config.json and compiles for its engines', () => {
    const project = JSON.parse(readFileSync(join(miniappRoot, 'project.config.json'), 'utf8'));
    expect(project.libVersion).toBe(baseLibrary.minBaseLibrary);
    // DevTools must not re-transpile what Babel already compiled for those engines.
    expect(project.setting.es6).toBe(false);
    expect(ecmaVersionOf(baseLibrary.browsers)).toBe(2019);
  });

  // One scan of every script: parsing at the oldest engines' edition, browser-only globals, code from
  // strings and missing built-ins.
  const edition = ecmaVersionOf(baseLibrary.browsers);
  const scans = buildFiles('.js').map((file) => ({ file, ...scanScript(readBuildFile(file), edition) }));

  it(`parses every script at ECMAScript ${edition}, what base library ${baseLibrary.minBaseLibrary} runs`, () => {
    expect(scans.length).toBeGreaterThan(20);
    expect(scans.filter((s) => s.syntaxError).map((s) => `${s.file}: ${s.syntaxError}`)).toEqual([]);
  });

  it('reads no browser-only global (window, document, fetch, atob, URL…) outside a typeof guard', () => {
    const uses = scans.flatMap((s) => s.unguardedGlobals.map((use) => `${s.file}: ${use}`));
    const known = [...zodStringFormats, nobleUtf8ToBytes];
    expect(uses.filter((use) => !known.some((pattern) => pattern.test(use)))).toEqual([]);
  });

  it('never builds the zod string formats whose checks call atob/btoa', () => {
    const sources = sourceFiles(join(miniappRoot, '..', 'shared', 'src')).concat(sourceFiles(join(miniappRoot, 'src')));
    const uses = sources.filter((file) =>
      /\.(base64|base64url|jwt)\(|base64ToBytes|base64urlToBytes/.test(readFileSync(file, 'utf8')),
    );
    expect(uses).toEqual([]);
  });

  it("runs no code from strings (eval, Function other than WeChat's Function('return this'))", () => {
    expect(scans.flatMap((s) => s.codeFromStrings.map((use) => `${s.file}: ${use}`))).toEqual([]);
  });

  it('calls Object.hasOwn, which iOS before 15.4 lacks, only in dependencies, with the polyfill in the main package', () => {
    const uses = scans.filter((s) => s.missingBuiltins.length > 0).map((s) => s.file);
    // Our own code (the pages, shared's pass-token decoder) never calls it.
    expect(uses.filter((file) => !/(^|\/)(sub-)?vendors\.js$/.test(file))).toEqual([]);
    const mainScripts = scans.filter((s) => !s.file.startsWith('packages/')).map((s) => readBuildFile(s.file));
    expect(mainScripts.some((code) => /defineProperty\(Object,\s*"hasOwn"/.test(code))).toBe(true);
  });

  it("compiles every WXML file with Tencent's wcc and every WXSS file with wcsc", () => {
    const renderer = loadWxml(compileWxml());
    for (const { route } of pageRoutes()) {
      const render = renderer(`${route}.wxml`);
      expect([route, typeof render]).toEqual([route, 'function']);
      expect(render!({ root: { cn: [] } }).tag).toBe('wx-page');
    }
    const all = buildFiles('.wxss');
    expect(all.map((file) => [file, wxssProblems(file, all)]).filter(([, problems]) => problems)).toEqual([]);
  });

  it('enlarges text and targets in care mode (长辈模式): 22 pt text, 60 pt targets, 44 pt without it', () => {
    // app.wxss is Taro's list of @imports; the app's own rules are in those files.
    const imports = [...readBuildFile('app.wxss').matchAll(/@import\s+"\.\/([^"]+)"/g)].map((m) => m[1]);
    const css = imports.map(readBuildFile).join('').replace(/\s+/g, '');
    // 750 rpx is the phone's width (375 pt on most phones): 88 rpx = 44 pt, 120 rpx = 60 pt, 36 rpx = 18 pt.
    const block = (selector: string) =>
      css.match(new RegExp(`(?:^|})${selector.replace('.', '\\.')}\\{([^}]*)`))?.[1] ?? '';
    expect(block('page')).toContain('--pass-target:88rpx');
    const care = block('.care-mode');
    expect(care).toContain('--pass-target:120rpx');
    expect(care).toContain('--nutui-button-default-height:120rpx');
    expect(care).toContain('font-size:44rpx');
    // The targets of our own controls take the variable (a chip, a field, a key, the login link…).
    const usesTarget = buildFiles('.wxss').filter((file) => readBuildFile(file).includes('var(--pass-target)'));
    expect(usesTarget.length).toBeGreaterThanOrEqual(5);
  });
});
