// Section 2: the mock's latency and throughput, beside the node:http baseline, each server in
// its own process. Requests carry a full 100-id ReleaseInstances batch, as section 3 sends.
import { fileURLToPath } from 'node:url';
import { load, percentile, report, startServerProcess } from '../lib.mjs';
import { releaseHeaders } from './autocannon-run.mjs';

const SEQUENTIAL = 1500;
const CONCURRENT = 4000;
const body = JSON.stringify({ instanceIds: Array.from({ length: 100 }, (_, i) => `instance-${i}`) });
// The headers @cloud-release/client sends (the mock checks the signature's shape and timestamp).
const headers = releaseHeaders();

/** @param {string} script @param {string[]} [args] */
async function measure(script, args) {
  const server = await startServerProcess(script, args);
  const send = async () => {
    const response = await fetch(`${server.url}/api/v2/vm`, { method: 'POST', headers, body });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.arrayBuffer();
  };
  await load(send, 1000, 16); // warm-up: JIT both processes
  const sequential = await load(send, SEQUENTIAL, 1);
  const concurrent = await load(send, CONCURRENT, 16);
  await server.stop();
  return {
    p50Ms: percentile(sequential.latencies, 50),
    p99Ms: percentile(sequential.latencies, 99),
    sequentialRps: SEQUENTIAL / (sequential.wallMs / 1000),
    concurrentP50Ms: percentile(concurrent.latencies, 50),
    concurrentP99Ms: percentile(concurrent.latencies, 99),
    concurrentRps: CONCURRENT / (concurrent.wallMs / 1000),
  };
}

const mockCli = fileURLToPath(new URL('../../packages/mock/dist/cli.js', import.meta.url));
report({
  baseline: await measure(fileURLToPath(new URL('./envelope-server.mjs', import.meta.url))),
  mock: await measure(mockCli, ['--quiet', '--zenlayer-port', '0', '--neutron-port', '0']),
});
