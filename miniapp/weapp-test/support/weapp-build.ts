import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The WeChat build under test: `pnpm run build:weapp` writes it (scripts/test.sh does before the tests). */
export const weappRoot = fileURLToPath(new URL('../../dist/weapp/', import.meta.url));
export const miniappRoot = fileURLToPath(new URL('../../', import.meta.url));

const require = createRequire(import.meta.url);
/** The oldest base library we support and the engines it runs on (config/weapp-base-library.js). */
export const baseLibrary: {
  minBaseLibrary: string;
  browsers: string[];
} = require('../../config/weapp-base-library.js');

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  preloadRule?: Record<string, { packages: string[] }>;
}

export const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(weappRoot, rel), 'utf8')) as T;
export const appJson = (): AppJson => readJson<AppJson>('app.json');

/** Every page route of the build, main package first, as WeChat paths (`packages/fleet/pages/home/index`). */
export function pageRoutes(app: AppJson = appJson()): { route: string; packageRoot: string }[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [
    ...app.pages.map((route) => ({ route, packageRoot: '' })),
    ...subs.flatMap((sub) =>
      sub.pages.map((page) => ({ route: `${sub.root.replace(/\/$/, '')}/${page}`, packageRoot: sub.root })),
    ),
  ];
}

/** Paths relative to the build root, with '/' separators, of every file ending in one of `extensions`. */
export function buildFiles(...extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((ext) => name.endsWith(ext))) out.push(relative(weappRoot, path).split(sep).join('/'));
    }
  };
  walk(weappRoot);
  return out.sort();
}

export const readBuildFile = (rel: string) => readFileSync(join(weappRoot, rel), 'utf8');

/**
 * The ECMAScript edition every engine of `browsers` parses ("ios 13", "chrome 86" → 2019): the
 * oldest of them decides. Editions by the release that completed each edition's syntax.
 */
export function ecmaVersionOf(browsers: string[]): number {
  const ios: [number, number][] = [
    [16, 2022],
    [14, 2020],
    [13, 2019],
    [12, 2018],
    [11, 2017],
    [10, 2016],
    [0, 2015],
  ];
  const chrome: [number, number][] = [
    [94, 2022],
    [85, 2021],
    [80, 2020],
    [73, 2019],
    [64, 2018],
    [58, 2017],
    [52, 2016],
    [0, 2015],
  ];
  const editions = browsers.map((entry) => {
    const [name, version] = entry.split(' ');
    const table = name === 'ios' || name === 'safari' ? ios : chrome;
    return table.find(([from]) => Number(version) >= from)![1];
  });
  return Math.min(...editions);
}

/**
 * The API origin the weapp build under test was made with: TARO_APP_API_BASE from the environment of
 * the build, else miniapp/.env.ci (`pnpm run build:weapp`). The simulated phone routes that domain to
 * the test's server.
 */
export function builtApiBase(): string {
  if (process.env.TARO_APP_API_BASE) return process.env.TARO_APP_API_BASE.replace(/\/$/, '');
  const env = readFileSync(join(miniappRoot, '.env.ci'), 'utf8');
  const value = /^TARO_APP_API_BASE=(.*)$/m.exec(env)?.[1]?.trim();
  if (!value) throw new Error('no TARO_APP_API_BASE in miniapp/.env.ci');
  return value.replace(/\/$/, '');
}
