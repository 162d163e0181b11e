// Load with a real load generator (autocannon) at concurrency 1, 16 and 64: the stateful mock,
// the examples mode, `prism mock` on the same spec and a bare node:http server, each in its own
// process and each logging one line per request to stdout (read and dropped by this process).
// Every request is a one-id ReleaseInstances with a fresh id, so the stateful mode creates the
// unseeded instance in the recycle bin, accepts it and lets it go, as it would in a real test.
import { loadavg } from 'node:os';
import { report } from '../lib.mjs';
import { DURATION_S, hammer } from './autocannon-run.mjs';
import { SERVERS, startServer } from './server-processes.mjs';

const CONCURRENCIES = [1, 16, 64];

const results = {};
for (const name of Object.keys(SERVERS)) {
  const server = await startServer(name).catch((error) => ({ error }));
  if (server.error) {
    results[name] = { error: server.error.message };
    continue;
  }
  try {
    await hammer(server.url, 16, 2); // warm-up: JIT the server before anything is measured
    results[name] = {};
    for (const c of CONCURRENCIES) results[name][c] = await hammer(server.url, c);
  } catch (error) {
    results[name] = { error: error.message };
  } finally {
    await server.stop();
  }
}
report({ loadAverage: loadavg()[0], seconds: DURATION_S, concurrencies: CONCURRENCIES, results });
