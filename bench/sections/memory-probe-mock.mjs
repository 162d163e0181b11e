// The stateful mocks (Zenlayer with a bearer token, Neutron) in a process of their own that
// reports its memory when asked: a line "measure" on stdin runs a full GC, then prints
// "memory <heapUsed bytes> <rss bytes>", so a section can tell what the mock keeps from what
// the GC has not collected yet. Run with --expose-gc.
import { createInterface } from 'node:readline';
import { startMock } from '@cloud-release/mock';

const [token] = process.argv.slice(2);
const zenlayer = await startMock({ api: 'zenlayer', mode: 'stateful', bearerTokens: [token ?? 'bench-token'] });
const neutron = await startMock({ api: 'neutron', mode: 'stateful' });
console.log(`ready ${zenlayer.url} ${neutron.url}`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'measure') continue;
  /** @type {() => void} */ (globalThis.gc)();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(`memory ${heapUsed} ${rss}`);
}
await Promise.all([zenlayer.close(), neutron.close()]);
