import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@pass/shared';
import fc from 'fast-check';
import { type ApiClient, apiClient } from './support/api.js';
import { domainRowCounts, newIdNumber, seedAndLogin } from './support/fixtures.js';
import { concretePath, type DiscoveredRoute, discoverRoutes } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Endpoint {
  method: 'POST' | 'PUT';
  path: string;
  as: 'anonymous' | 'fleetManager' | 'admin';
  /** A valid body; the fuzzer breaks it. */
  body: Record<string, unknown>;
  /** Dotted paths of its string fields: any non-string there is malformed, whatever the schema. */
  stringFields: string[];
}

const registration = {
  enterprise: {
    creditCode: '91320115MA1MY5Q2XW',
    name: '模糊测试物流有限公司',
    address: '南京市江宁区测试路1号',
    contactName: '赵六',
    contactPhone: '13700000001',
    districtCode: '320115',
  },
  manager: { name: '赵六', phone: '13700000001', password: 'Fuzz2022ok' },
};
const truck = {
  plate: '苏A54321',
  plateColour: 'yellow',
  vehicleType: 'semi_trailer_tractor',
  transportLicenseNumber: '320115001234',
};
const driver = { name: '钱师傅', idNumber: newIdNumber(900), phone: '13912340000', role: 'driver' };
const draft = {
  materialCategory: 'medical',
  materialDescription: '口罩',
  originCode: '320115',
  validFrom: '2030-01-01',
};

function endpoints(ids: { vehicle: string; driver: string; application: string }): Endpoint[] {
  return [
    {
      method: 'POST',
      path: '/auth/login',
      as: 'anonymous',
      body: { phone: '13800000001', password: 'x' },
      stringFields: ['phone', 'password'],
    },
    {
      method: 'POST',
      path: '/auth/refresh',
      as: 'anonymous',
      body: { refreshToken: 'a'.repeat(43) },
      stringFields: ['refreshToken'],
    },
    { method: 'POST', path: '/auth/wechat', as: 'anonymous', body: { code: 'c' }, stringFields: ['code'] },
    {
      method: 'POST',
      path: '/auth/wechat/bind',
      as: 'anonymous',
      body: { code: 'c', phone: '13800000001', password: 'x' },
      stringFields: ['code', 'phone', 'password'],
    },
    {
      method: 'POST',
      path: '/enterprises/register',
      as: 'anonymous',
      body: registration,
      stringFields: [
        ...Object.keys(registration.enterprise).map((k) => `enterprise.${k}`),
        'manager.name',
        'manager.phone',
        'manager.password',
      ],
    },
    {
      method: 'PUT',
      path: '/enterprises/mine',
      as: 'fleetManager',
      body: { contactName: '王五' },
      stringFields: ['address', 'contactName', 'contactPhone'],
    },
    {
      method: 'POST',
      path: '/admin/accounts',
      as: 'admin',
      body: { role: 'admin', name: '新管理员', phone: '13700000002', password: 'Admin2022ok' },
      stringFields: ['role', 'name', 'phone', 'password'],
    },
    {
      method: 'POST',
      path: '/admin/whitelist/import',
      as: 'admin',
      body: { batch: '批次', csv: '91320115MA1MY5Q2XW,企业' },
      stringFields: ['batch', 'csv'],
    },
    { method: 'POST', path: '/vehicles', as: 'fleetManager', body: truck, stringFields: Object.keys(truck) },
    {
      method: 'PUT',
      path: `/vehicles/${ids.vehicle}`,
      as: 'fleetManager',
      body: truck,
      stringFields: Object.keys(truck),
    },
    { method: 'POST', path: '/drivers', as: 'fleetManager', body: driver, stringFields: Object.keys(driver) },
    {
      method: 'PUT',
      path: `/drivers/${ids.driver}`,
      as: 'fleetManager',
      body: driver,
      stringFields: Object.keys(driver),
    },
    { method: 'POST', path: '/applications', as: 'fleetManager', body: draft, stringFields: Object.keys(draft) },
    {
      method: 'PUT',
      path: `/applications/${ids.application}`,
      as: 'fleetManager',
      body: draft,
      stringFields: Object.keys(draft),
    },
  ];
}

const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);

function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
  return copy;
}

/** A request body that no schema accepts: the wrong JSON type, a string field of the wrong type or far too long, or not JSON at all. */
const malformedBody = (endpoint: Endpoint) =>
  fc.oneof(
    fc
      .jsonValue()
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.constantFrom(...endpoint.stringFields), notAString)
      .map(([path, v]) => JSON.stringify(setPath(endpoint.body, path, v))),
    fc
      .constantFrom(...endpoint.stringFields)
      .map((path) => JSON.stringify(setPath(endpoint.body, path, '字'.repeat(5_000)))),
    fc.string({ maxLength: 40 }).map((s) => `{"${s}`),
  );

describe('malformed requests, generated', () => {
  let t: TestApp;
  let clients: Record<Endpoint['as'], ApiClient>;
  let ids: { vehicle: string; driver: string; application: string };

  beforeAll(async () => {
    t = await startTestApp();
    const as = await seedAndLogin(t);
    clients = { anonymous: apiClient(t.url), fleetManager: as.fleetManager, admin: as.admin };
    ids = {
      vehicle: (await as.fleetManager.post('/vehicles', { ...truck, plate: '苏A11111' })).body.id,
      driver: (await as.fleetManager.post('/drivers', { ...driver, idNumber: newIdNumber(901) })).body.id,
      application: (await as.fleetManager.post('/applications', {})).body.id,
    };
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers every one with a 4xx and an error code, never a 5xx, and persists nothing', async () => {
    const before = await domainRowCounts(t);
    const statuses = new Map<number, number>();
    for (const endpoint of endpoints(ids)) {
      await fc.assert(
        fc.asyncProperty(malformedBody(endpoint), async (raw) => {
          const client = clients[endpoint.as];
          const send = endpoint.method === 'POST' ? client.post : client.put;
          const res = await send(endpoint.path, raw);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status < 400 || res.status >= 500 || typeof res.body?.code !== 'string') {
            throw new Error(
              `${endpoint.method} ${endpoint.path} ${raw.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`,
            );
          }
        }),
        { numRuns: 200, seed: 20221122 },
      );
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(14 * 200);
    expect(await domainRowCounts(t)).toEqual(before);
  }, 180_000);
});

/** Parameters no route reads, mixed in with each route's own. */
const strangerNames = ['q', 'page', '__proto__', 'constructor', 'cursor', 'limit'];

const encode = encodeURIComponent;
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** One `key=value` part that no schema accepts, or a value so odd it might break a hand-written parser. */
const oddPart = (names: string[]) => {
  const name = fc.constantFrom(...names);
  return fc.oneof(
    name.map((k) => `${k}=a&${k}=b`),
    name.map((k) => `${k}=&${k}=x`),
    name.map((k) => `${k}[]=1&${k}[]=2`),
    name.map((k) => `${k}[a]=1&${k}=2`),
    name.map((k) => `${k}=${'a'.repeat(5_000)}`),
    name.map((k) => `${k}=${encode('字'.repeat(1_000))}`),
    fc.tuple(name, fc.string({ maxLength: 30 })).map(([k, v]) => `${k}=${encode(v)}`),
    fc
      .tuple(name, fc.constantFrom('%', '%ZZ', '%00', '%E4%B8', '%u0041', '+', ';', '%EF%BB%BF'))
      .map(([k, v]) => `${k}=${v}`),
    fc
      .oneof(
        fc.jsonValue().map((v) => base64url(JSON.stringify(v))),
        fc.jsonValue().map((w) => base64url(JSON.stringify({ w, t: '2022-05-01T00:00:00.000Z', id: 'x' }))),
        fc.string({ maxLength: 40 }).map((s) => base64url(`${s}|${s}`)),
        fc.string({ maxLength: 40 }),
      )
      .map((cursor) => `cursor=${encode(cursor)}`),
    fc.constantFrom('limit=0', 'limit=101', 'limit=1e2', 'limit=-1', 'since=99999999999', 'from=2022-02-30', 'to=x'),
  );
};

describe('malformed query strings, generated, on every GET route', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let clientFor: (route: DiscoveredRoute) => ApiClient;
  /** Each GET route's query parameters, as its ZodQuery lists them in the OpenAPI document. */
  let parametersOf: (route: DiscoveredRoute) => string[];

  beforeAll(async () => {
    // Each run sends thousands of public requests from one address; the limit is not under test here.
    t = await startTestApp({ PUBLIC_VERIFY_RATE_LIMIT: '1000000' });
    const as = await seedAndLogin(t);
    // Crew sessions read only GET /passes and /passes/:id, which a fleet manager's client also reaches.
    const byRole: Partial<Record<Role, ApiClient>> = {
      [Role.Admin]: as.admin,
      [Role.FleetManager]: as.fleetManager,
      [Role.Official]: as.districtOfficial,
      [Role.CheckpointStaff]: as.checkpointStaff,
    };
    routes = discoverRoutes(t.app).filter((r) => r.method === 'GET' && !r.path.startsWith('/api/docs'));
    clientFor = (route) =>
      route.isPublic ? apiClient(t.url) : (byRole[route.roles?.[0] ?? Role.FleetManager] ?? as.fleetManager);
    const document = (await (await fetch(`${t.url}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    };
    parametersOf = (route) =>
      (document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers each with a 4xx and an error code, or ignores what the route does not read; never a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(25);
    const refusedOn = new Map<string, number>();
    for (const route of routes) {
      const path = concretePath(route.path).replace(/^\/api/, '');
      const client = clientFor(route);
      const names = [...new Set([...parametersOf(route), ...strangerNames])];
      await fc.assert(
        fc.asyncProperty(fc.array(oddPart(names), { minLength: 1, maxLength: 3 }), async (parts) => {
          const query = parts.join('&');
          const res = route.path.startsWith('/V/')
            ? await fetch(`${t.url}${path}?${query}`).then((r) => ({ status: r.status, body: { code: 'HTML' } }))
            : await client.get(`${path}?${query}`);
          if (res.status === 400) refusedOn.set(route.path, (refusedOn.get(route.path) ?? 0) + 1);
          if (res.status >= 500 || (res.status >= 400 && typeof res.body?.code !== 'string')) {
            throw new Error(`GET ${path}?${query.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`);
          }
        }),
        { numRuns: 40, seed: 20221201 },
      );
    }
    // Every route that reads a query string refused some of these (its schema is in force).
    const reading = routes.filter((r) => parametersOf(r).length > 0).map((r) => r.path);
    expect(reading).toEqual(expect.arrayContaining(['/api/reviews/queue', '/api/admin/audit', '/api/stats']));
    expect(reading.filter((path) => !refusedOn.has(path))).toEqual([]);
  }, 300_000);
});
