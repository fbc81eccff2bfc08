import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { allOperations, ErrorCode, type Operation, operationKey, Role } from '@pass/shared';
import { operationMetadataKey } from '../src/auth/endpoint.decorators.js';
import { type ApiClient, apiClient } from './support/api.js';
import { newIdNumber, seedAndLogin } from './support/fixtures.js';
import { concretePath, type DiscoveredRoute, discoverRoutes } from './support/routes.js';
import { signInAsCrew } from './support/sms.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every route the application has, found in its own metadata: each one that is not @Public refuses a
 * request without a token (401) and one with a forged token (401), and each role it does not name in
 * @Roles (403) — before any validation or lookup (a crew session also where it names none). The roles
 * it names get past the guard. A route added
 * later by anyone is covered without touching this file.
 */
describe('the route table', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let asRole: Record<Role, ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    const as = await seedAndLogin(t);
    const crewPhone = '13912340001';
    await as.fleetManager.post('/drivers', {
      name: '周师傅',
      idNumber: newIdNumber(9001),
      phone: crewPhone,
      role: 'driver',
    });
    asRole = {
      [Role.Crew]: await signInAsCrew(t.url, t.smsFile, crewPhone),
      [Role.Admin]: as.admin,
      [Role.FleetManager]: as.fleetManager,
      [Role.Official]: as.districtOfficial,
      [Role.CheckpointStaff]: as.checkpointStaff,
    };
    routes = discoverRoutes(t.app);
  });

  afterAll(async () => {
    await t.close();
  });

  const send = (client: ApiClient, route: DiscoveredRoute, headers: Record<string, string> = {}) => {
    const path = concretePath(route.path).replace(/^\/api/, '');
    const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
    return client.request(route.method, path, body, headers);
  };
  const label = (route: DiscoveredRoute) => `${route.method} ${route.path} (${route.controller}.${route.handler})`;

  it('is discovered from the controllers, public routes and role lists included', () => {
    expect(routes.length).toBeGreaterThan(50);
    const byLabel = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
    expect(byLabel.get('POST /api/auth/login')?.isPublic).toBe(true);
    expect(byLabel.get('GET /V/:digits')?.isPublic).toBe(true);
    expect(byLabel.get('GET /api/admin/audit')).toMatchObject({ isPublic: false, roles: [Role.Admin] });
    expect(byLabel.get('GET /api/auth/me')).toMatchObject({ isPublic: false, roles: undefined });
  });

  it('serves every operation of the shared contract with exactly one handler, and no route outside it', () => {
    const handlers = new Map<Operation, string[]>();
    const problems: string[] = [];
    for (const route of routes) {
      const operation = Reflect.getMetadata(operationMetadataKey, route.handlerFunction) as Operation | undefined;
      if (!operation) {
        problems.push(`${label(route)}: no contract operation (@Endpoint)`);
        continue;
      }
      if (operationKey(operation) !== `${route.method} ${route.path}`) {
        problems.push(`${label(route)}: serves ${operationKey(operation)}`);
      }
      handlers.set(operation, [...(handlers.get(operation) ?? []), label(route)]);
    }
    for (const operation of allOperations) {
      const servedBy = handlers.get(operation) ?? [];
      if (servedBy.length !== 1)
        problems.push(`${operationKey(operation)}: served by ${servedBy.join(', ') || 'no handler'}`);
    }
    expect(problems).toEqual([]);
    expect(handlers.size).toBe(allOperations.length);
  });

  it('names its roles on every route but the few any signed-in user may call; admin routes are the admin’s', () => {
    // Scoped in their services to the caller's own account or records.
    const anyRole = ['GET /api/auth/me', 'POST /api/auth/password', 'GET /api/attachments/:id/content'];
    const unnamed = routes.filter((r) => !r.isPublic && r.roles === undefined).map((r) => `${r.method} ${r.path}`);
    expect(unnamed.filter((route) => !anyRole.includes(route))).toEqual([]);
    const adminRoutes = routes.filter((r) => r.path.startsWith('/api/admin/'));
    expect(adminRoutes.length).toBeGreaterThan(5);
    expect(adminRoutes.filter((r) => r.isPublic || r.roles?.join() !== Role.Admin).map(label)).toEqual([]);
  });

  it('refuses every non-public route without a token, or with a forged one, with 401', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const anonymous = await send(apiClient(t.url), route);
      const forged = await send(apiClient(t.url, 'eyJhbGciOiJIUzI1NiJ9.e30.forged'), route);
      for (const res of [anonymous, forged]) {
        if (res.status !== 401 || res.body?.code !== ErrorCode.Unauthenticated) {
          failures.push(`${label(route)} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every role a route does not name with 403, and lets the named ones past the guard', async () => {
    const failures: string[] = [];
    let denials = 0;
    for (const route of routes.filter((r) => !r.isPublic)) {
      for (const role of Object.values(Role)) {
        const res = await send(asRole[role], route);
        // A crew session is let only where a route names it; accounts wherever no roles are named.
        const allowed = route.roles === undefined ? role !== Role.Crew : route.roles.includes(role);
        if (!allowed) {
          denials++;
          if (res.status !== 403 || res.body?.code !== ErrorCode.Forbidden) {
            failures.push(`${label(route)} as ${role}: expected 403 FORBIDDEN, got ${res.status}`);
          }
        } else if (res.status === 401 || (res.status === 403 && res.body?.code === ErrorCode.Forbidden)) {
          failures.push(`${label(route)} as ${role}: named, but refused with ${res.status} ${res.body?.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(denials).toBeGreaterThan(60);
  });
});
