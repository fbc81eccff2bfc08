import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoLogins } from '../../server/src/seed/demo-seed.js';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { launchApp, loginWithPassword } from './support/session.js';
import { pageRoutes } from './support/weapp-build.js';

let server: Stack;
beforeAll(async () => {
  server = await startStack();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** What a page that rendered something real never shows. */
const brokenText = /undefined|NaN|\[object Object\]|正在加载/;

// Every page of app.json (the admin package too, once it exists), opened by every seeded role: each
// opens without an uncaught error, console.error or misuse of wx, shows text, and no broken text.
// Pages of another role's package show that role's denial instead of their content.
describe.each(demoLogins.map((login) => [login.roleName, login] as const))('every page as %s', (_, login) => {
  it('opens with no error, no blank page and no broken text', async () => {
    const app = await launchApp(server.url);
    const failures: string[] = [];
    try {
      await loginWithPassword(app, login.phone, login.password);
      expect(app.page.route).not.toBe('pages/login/index');
      expect(app.problems).toEqual([]);
      for (const { route } of pageRoutes()) {
        app.problems.length = 0;
        await app.reLaunch(route);
        const text = app.text();
        if (process.env.WEAPP_TOUR_DEBUG)
          console.log(login.roleName, route, text.slice(0, 160), app.warnings.slice(0, 3));
        if (app.problems.length) failures.push(`${route}: ${app.problems.join('\n')}`);
        if (!text) failures.push(`${route}: blank`);
        else if (brokenText.test(text)) failures.push(`${route}: shows "${brokenText.exec(text)?.[0]}" in ${text}`);
      }
    } finally {
      app.dispose();
    }
    expect(failures).toEqual([]);
  });
});
