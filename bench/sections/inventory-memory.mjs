// Memory: the stateful mock holding 100,000 inventory entries must answer within 10 % of its
// speed when empty. Same workload (autocannon, 16 connections) before and after the seed.
import { report } from '../lib.mjs';
import { hammer } from './autocannon-run.mjs';
import { rssMiB, startServer } from './server-processes.mjs';

const ENTRIES = 100_000;
const CHUNK = 10_000;
const server = await startServer('@cloud-release/mock (stateful)');
try {
  await hammer(server.url, 16, 2); // warm-up
  const empty = await hammer(server.url, 16);
  const rssEmpty = await rssMiB(server.pid);
  const seedStarted = performance.now();
  // Seeded in chunks: one POST of 100,000 resources would also test the control plane's body limit.
  for (let from = 0; from < ENTRIES; from += CHUNK) {
    const resources = Array.from({ length: CHUNK }, (_, i) => ({
      type: 'instance',
      id: `held-instance-${from + i}`,
      status: 'RUNNING',
    }));
    const response = await fetch(`${server.url}/__mock/resources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resources }),
    });
    if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  }
  const seedMs = performance.now() - seedStarted;
  const full = await hammer(server.url, 16);
  const rssFull = await rssMiB(server.pid);
  report({ entries: ENTRIES, seedMs, empty, full, rssEmptyMiB: rssEmpty, rssFullMiB: rssFull });
} catch (error) {
  report({ entries: ENTRIES, error: error.message });
} finally {
  await server.stop();
}
