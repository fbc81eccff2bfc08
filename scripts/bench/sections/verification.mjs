// Online verification under load, side by side with the machine's HTTP ceiling: the same load generator,
// connections and request against a bare node:http server, a bare Fastify server, and the real server.
import { progress, sampleRss, settings } from '../lib/common.mjs';
import { throughput } from '../lib/load.mjs';
import { startBareServer } from '../lib/processes.mjs';

export async function verificationThroughput({ server, passUrl }) {
  const body = { url: passUrl };
  const digits = passUrl.slice(passUrl.lastIndexOf('/') + 1);
  const rows = [];
  for (const kind of ['node', 'fastify']) {
    progress(`verification: bare ${kind} server, ${settings.connections} connections, ${settings.seconds} s`);
    const bare = await startBareServer(kind);
    try {
      const r = await throughput({ url: `${bare.url}/api/verification/verify`, method: 'POST', body });
      rows.push({ name: `bare ${kind === 'node' ? 'node:http' : 'Fastify'} server, constant JSON`, ...r });
    } finally {
      await bare.stop();
    }
  }

  progress('verification: POST /api/verification/verify on the server');
  const rss = sampleRss(server.pid);
  const verify = await throughput({ url: `${server.url}/api/verification/verify`, method: 'POST', body });
  const loadedRss = rss.stop();
  rows.push({ name: 'server POST /api/verification/verify (JSON)', ...verify });

  progress('verification: GET /V/<digits> page on the server');
  const page = await throughput({ url: `${server.url}/V/${digits}` });
  rows.push({ name: 'server GET /V/<digits> (HTML page)', ...page });

  const ceiling = rows[0].requestsPerSecond;
  for (const row of rows) row.shareOfNodeCeiling = row.requestsPerSecond / ceiling;
  return {
    rows,
    memory: { underLoadMeanRssMiB: loadedRss.mean, underLoadMaxRssMiB: loadedRss.max },
  };
}
