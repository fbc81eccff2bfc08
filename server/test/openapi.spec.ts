import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  security?: unknown[];
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    paths = ((await (await fetch(`${t.url}/api/docs/openapi.json`)).json()) as { paths: typeof paths }).paths;
  });

  afterAll(async () => {
    await t.close();
  });

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );

  it('describes every endpoint with a summary', () => {
    expect(operations().length).toBeGreaterThan(25);
    for (const { path, method, op } of operations()) {
      expect(`${method} ${path}: ${op.summary ?? ''}`).toMatch(/: .+/);
    }
  });

  it('gives every JSON body its schema, generated from the shared zod schemas', () => {
    const withBodies = operations().filter(
      ({ method, path }) =>
        ['post', 'put', 'patch'].includes(method) &&
        !path.includes('/submit') &&
        !path.includes('/withdraw') &&
        !path.includes('/resubmit') &&
        !path.includes('/verify') &&
        // Bodiless admin actions: the path says it all.
        !/\/(disable|enable|unlock|retire|reinstate)$/.test(path),
    );
    for (const { path, method, op } of withBodies) {
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema ?? content['multipart/form-data']?.schema;
      expect({ endpoint: `${method} ${path}`, hasSchema: schema !== undefined }).toEqual({
        endpoint: `${method} ${path}`,
        hasSchema: true,
      });
    }
    const vehicle = paths['/api/vehicles']!.post!.requestBody!.content['application/json']!.schema!;
    expect(Object.keys(vehicle.properties ?? {})).toEqual(
      expect.arrayContaining(['plate', 'plateColour', 'vehicleType', 'transportLicenseNumber', 'vin']),
    );
  });

  it('marks the routes that need a signed-in user', () => {
    expect(paths['/api/vehicles']!.get!.security).toBeDefined();
    expect(paths['/api/auth/login']!.post!.security).toBeUndefined();
  });
});
