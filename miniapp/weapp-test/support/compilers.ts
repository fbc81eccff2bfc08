import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFiles, weappRoot } from './weapp-build.js';

/**
 * Tencent's WXML (wcc) and WXSS (wcsc) compilers from the `miniprogram-compiler` package, Linux x86-64
 * binaries. Copied out of the package store to make them executable without changing the store.
 */
function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('miniprogram-compiler/package.json'));
  const target = join(mkdtempSync(join(tmpdir(), 'weapp-compiler-')), name);
  copyFileSync(join(pkg, 'bin', 'linux', name), target);
  chmodSync(target, 0o755);
  return target;
}

/** Every WXML and WXS file of the build compiled into one script that defines `$gwx(path)`. */
export function compileWxml(): string {
  const files = buildFiles('.wxml', '.wxs');
  return execFileSync(compilerBinary('wcc'), ['-d', '-cc', '0', ...files, '-gn', '$gwx'], {
    cwd: weappRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Lints and compiles one WXSS file with every other WXSS file of the build available to its @imports.
 * Returns what the compiler complained about (a syntax error, an import that does not resolve): empty
 * when WeChat takes the file.
 */
export function wxssProblems(rel: string, all: string[] = buildFiles('.wxss')): string {
  const result = spawnSync(wcsc(), ['-lc', rel, ...all.filter((file) => file !== rel)], {
    cwd: weappRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return `${result.status === 0 ? '' : `exit ${result.status}\n`}${result.stderr}`.trim();
}

let wcscPath: string | undefined;
const wcsc = () => (wcscPath ??= compilerBinary('wcsc'));
