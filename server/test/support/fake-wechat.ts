import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** What the fake answers one subscribe/send with: hold it unanswered, refuse it with an errcode, or accept it. */
export type SendBehaviour = (message: SubscribeMessage) => 'hold' | { errcode: number } | 'accept';

export interface FakeWechat {
  url: string;
  /** Messages answered with success: what WeChat would have delivered, once each. */
  delivered: SubscribeMessage[];
  /** Every send request received, answered or not. */
  received: SubscribeMessage[];
  /** Access tokens handed out by stable_token. */
  tokenCalls: number;
  /** Sends refused for a bad token. */
  badTokens: number;
  behaviour: SendBehaviour;
  /** Resolves when a send is held (behaviour 'hold'); its connection stays open until the caller dies. */
  held: Promise<SubscribeMessage>;
  close(): Promise<void>;
}

/**
 * A stand-in for WeChat's API on loopback: jscode2session (code `c-X` is openid `o-X`), stable_token
 * and message/subscribe/send. A message counts as delivered only when the fake has answered it.
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  let onHeld: (m: SubscribeMessage) => void = () => {};
  const held: ResponseHolder[] = [];
  const fake: FakeWechat = {
    url: '',
    delivered: [],
    received: [],
    tokenCalls: 0,
    badTokens: 0,
    behaviour: () => 'accept',
    held: new Promise((resolve) => {
      onHeld = resolve;
    }),
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const issued = new Set<string>();
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    const answer = (json: object) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(json));
    };
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      return answer({ openid: code.replace(/^c-/, 'o-'), session_key: 'k' });
    }
    if (url.pathname === '/cgi-bin/stable_token') {
      const parsed = JSON.parse(body) as { appid?: string; secret?: string };
      if (parsed.appid !== 'wx-test' || parsed.secret !== 'secret')
        return answer({ errcode: 40013, errmsg: 'invalid appid' });
      fake.tokenCalls++;
      const token = `token-${fake.tokenCalls}`;
      issued.add(token);
      return answer({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!issued.has(url.searchParams.get('access_token') ?? '')) {
        fake.badTokens++;
        return answer({ errcode: 40001, errmsg: 'invalid credential' });
      }
      const message = JSON.parse(body) as SubscribeMessage;
      fake.received.push(message);
      const behaviour = fake.behaviour(message);
      if (behaviour === 'hold') {
        held.push(res);
        onHeld(message);
        return;
      }
      if (behaviour !== 'accept') return answer({ ...behaviour, errmsg: 'refused by the fake' });
      // Counted only once the answer is on its way: a caller killed before this never had it delivered.
      fake.delivered.push(message);
      return answer({ errcode: 0, errmsg: 'ok' });
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

type ResponseHolder = ServerResponse;

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}
