/**
 * The architecture rules of docs/architecture.md, checked by `pnpm depcheck` (run by `pnpm lint`).
 *
 * Server layers, lowest first; a folder may import its own layer or a lower one, never a higher one,
 * and never in a circle (folder level, so a knot spread over many files is caught too).
 */
const layers = [
  ['config', 'database', 'common', 'auth', 'audit'], // core
  ['settings', 'holidays', 'departments', 'signing', 'federation', 'pass-documents'], // province rules and pass trust
  [
    'checkpoints',
    'whitelist',
    'enterprises',
    'accounts',
    'vehicles',
    'drivers',
    'attachments',
    'notifications',
    'crew',
  ], // registry
  ['sanctions', 'quotas', 'applications', 'passes', 'reviews'], // workflow: applying, reviewing, issuing
  ['verification', 'scans'], // checkpoints: verification online and offline, scan traces
  ['stats', 'health', 'seed'], // administration and statistics
];

const folders = (list) => `^server/src/(${list.join('|')})/`;

/** A feature module's public face: its Nest module, its service(s), its entities (for TypeORM relations) and views. */
const publicFace = '\\.(module|service|entity|view|views|decorators)\\.ts$';

const layerRules = layers.slice(0, -1).map((layer, index) => ({
  name: `no-import-up-from-layer-${index}`,
  comment: `Layer ${index} (${layer.join(', ')}) may not import a higher layer (docs/architecture.md).`,
  severity: 'error',
  from: { path: folders(layer) },
  to: { path: folders(layers.slice(index + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'No two folders of server/src import each other, directly or around a circle.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      comment: 'No module imports itself around a circle at run time (type-only cycles vanish when compiled).',
      severity: 'error',
      from: { path: '^(server|shared|miniapp)/src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...layerRules,
    {
      name: 'no-feature-into-app-root',
      comment: 'app.module, bootstrap and main compose the features; no feature imports them.',
      severity: 'error',
      from: { path: '^server/src/[^/]+/' },
      to: { path: '^server/src/(app\\.module|bootstrap|main)\\.ts$' },
    },
    {
      name: 'no-module-internals',
      comment:
        'Another module is used through its public face: *.module.ts, *.service.ts, *.entity.ts (relations), ' +
        '*.view.ts. config/, database/ and common/ are libraries open to all. seed/ builds demo rows directly.',
      severity: 'error',
      from: { path: '^server/src/([^/]+)/', pathNot: '^server/src/seed/' },
      to: {
        path: '^server/src/[^/]+/',
        pathNot: ['^server/src/$1/', '^server/src/(config|database|common)/', publicFace],
      },
    },
    {
      name: 'no-foreign-entity-query',
      comment:
        'Only an entity file (for a relation) imports another module’s entity; services ask the owning ' +
        'module’s service, which alone queries its tables (a type-only import is fine).',
      severity: 'error',
      from: { path: '^server/src/([^/]+)/', pathNot: ['\\.entity\\.ts$', '^server/src/seed/'] },
      to: {
        path: '\\.entity\\.ts$',
        pathNot: ['^server/src/$1/', '^server/src/database/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-server-in-shared',
      comment: 'shared/ is pure TypeScript used by both sides; it imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|miniapp)/' },
    },
    {
      name: 'no-package-into-package',
      comment: 'A mini-program subpackage never imports another subpackage; shared code lives outside packages/.',
      severity: 'error',
      from: { path: '^miniapp/src/packages/([^/]+)/' },
      to: { path: '^miniapp/src/packages/', pathNot: '^miniapp/src/packages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Migrations are history, frozen as they ran: one reads the national holiday calendar of its day.
    exclude: { path: '(^|/)(node_modules|dist)/|\\.spec\\.ts$|\\.d\\.ts$|^server/src/database/migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcheck.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
