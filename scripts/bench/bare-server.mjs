#!/usr/bin/env node
// The machine's HTTP ceiling for the verification benchmark: a server that reads the request body and
// answers a constant JSON, with node:http (`node`) or Fastify (`fastify`, the server's own framework,
// parsing the JSON body as the real route does). Listens on HOST:PORT.
import { createServer } from 'node:http';
import { serverRequire } from './lib/common.mjs';

const kind = process.argv[2] ?? 'node';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const answer = JSON.stringify({ verification: { state: 'valid', allowsPassage: true }, facts: null });

if (kind === 'node') {
  createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length });
      res.end(answer);
    });
  }).listen(port, host);
} else if (kind === 'fastify') {
  const fastify = serverRequire('fastify')({ logger: false });
  fastify.get('/', async () => ({ ok: true }));
  fastify.post('/api/verification/verify', async (request, reply) => {
    if (typeof request.body?.url !== 'string') throw new Error('no url');
    return reply.type('application/json; charset=utf-8').send(answer);
  });
  await fastify.listen({ host, port });
} else {
  console.error(`unknown bare server ${kind}: node or fastify`);
  process.exit(2);
}
