// One autocannon run against a Zenlayer server, shared by the load and memory sections.
import autocannon from 'autocannon';

export const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 5);

export const releaseHeaders = () => ({
  'content-type': 'application/json',
  authorization: `ZC2-HMAC-SHA256 Credential=AK, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
  'x-zc-action': 'ReleaseInstances',
  'x-zc-version': '2023-03-13',
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
  'x-zc-timestamp': String(Math.floor(Date.now() / 1000)),
});

let next = 0;
/**
 * @typedef {{ rps: number, p50Ms: number, p99Ms: number, requests: number, cpuUsPerRequest?: number }} Cell
 * One measurement: throughput and latency; the load sections add the server's CPU per request.
 */

/**
 * One autocannon run; throws if any answer was not a 2xx (a broken server must not look fast).
 * @param {string} url
 * @param {number} connections
 * @returns {Promise<Cell>}
 */
export async function hammer(url, connections, seconds = DURATION_S) {
  const result = await autocannon({
    url: `${url}/api/v2/vm`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: releaseHeaders(),
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ instanceIds: [`bench-instance-${next++}`] }),
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors in ${result['2xx']} requests`,
    );
  }
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
