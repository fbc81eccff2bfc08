import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningServer, startServer } from '../e2e/support/server.js';
import { WeappRuntime } from './support/runtime.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('smoke', () => {
  it('launches', async () => {
    const app = new WeappRuntime(server.url);
    try {
      await app.launch();
      console.log(app.page.route, app.text(), app.problems, app.warnings.slice(0, 5));
    } finally {
      app.dispose();
    }
    expect(app.problems).toEqual([]);
  });
});
