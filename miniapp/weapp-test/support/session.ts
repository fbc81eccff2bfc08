import { WeappRuntime } from './runtime.js';
import { newPhoneState, type PhoneState } from './wx.js';

/** The demo accounts the server seeds (server/src/seed/demo-seed.ts), all with this password. */
export const demoPassword = 'demo1234';

/** A fresh phone with the app launched on its entry page. */
export async function launchApp(serverUrl: string, phone: PhoneState = newPhoneState()): Promise<WeappRuntime> {
  const app = new WeappRuntime(serverUrl, phone);
  await app.launch();
  return app;
}

/** Signs in on the login page as a user would: types phone and password, taps 登录. */
export async function loginWithPassword(app: WeappRuntime, phone: string, password = demoPassword): Promise<void> {
  if (app.page.route !== 'pages/login/index') throw new Error(`expected the login page, not ${app.page.route}`);
  await app.type('手机号码', phone);
  await app.type('密码', password);
  await app.tap(/^登录$/);
}
