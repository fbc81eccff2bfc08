// One Jest run for the whole workspace, in native ESM mode (the NestJS 12 packages are ESM-only):
// `pnpm test` runs node with --experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'es6' },
  },
];

const base = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  // Sources import siblings as `./x.js` (NodeNext); under Jest the `.ts` file is what exists.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  // Global only: Jest ignores testTimeout inside a project entry. Server tests talk to MariaDB and
  // hash passwords; browser tests start a server and Chromium.
  testTimeout: 60_000,
  // Each test file's modules stay in its worker's heap under --experimental-vm-modules (Jest's ESM mode):
  // a worker that has run many files grew to its 4 GB limit and aborted the CI run (session 9, after
  // 124 of ~146 files). A worker above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...base, displayName: 'shared', rootDir: '<rootDir>/shared', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'server',
      rootDir: '<rootDir>/server',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      // The same integration suite on the embedded SQLite default (TEST_DB=sqlite in test-database.ts).
      // Not the MariaDB crash tests, nor the migrations test, which runs on both databases already.
      ...base,
      displayName: 'server-sqlite',
      rootDir: '<rootDir>/server',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      testPathIgnorePatterns: ['/test/faults\\.spec\\.ts$', '/test/migrations\\.spec\\.ts$'],
      setupFiles: ['<rootDir>/test/support/use-sqlite.ts'],
    },
    {
      ...base,
      displayName: 'browser',
      rootDir: '<rootDir>/miniapp',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
    },
    {
      // Pure parts of the tooling (the bench's goals table); plain ES modules, no transform.
      displayName: 'scripts',
      rootDir: '<rootDir>/scripts',
      testMatch: ['<rootDir>/**/*.spec.mjs'],
      testEnvironment: 'node',
      transform: {},
    },
    {
      // The bench itself, every section on a tiny volume (scripts/bench/run.smoke.mjs): needs the builds,
      // MariaDB and Chromium, as scripts/test.sh provides them before the tests. About 100 s.
      displayName: 'bench',
      rootDir: '<rootDir>/scripts/bench',
      testMatch: ['<rootDir>/**/*.smoke.mjs'],
      testEnvironment: 'node',
      transform: {},
    },
    {
      // The built WeChat mini-program (miniapp/dist/weapp): static checks, and its pages run in a
      // WeChat-like runtime against the built server (miniapp/weapp-test/README.md).
      ...base,
      displayName: 'weapp',
      rootDir: '<rootDir>/miniapp',
      testMatch: ['<rootDir>/weapp-test/**/*.weapp.ts'],
    },
  ],
};
