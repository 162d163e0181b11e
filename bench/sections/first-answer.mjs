// One ReleaseInstances through a server just started, as the first request a test sends: the
// milliseconds until its answer is read, and the CPU the server process has used by then.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { releaseHeaders } from './autocannon-run.mjs';

/** User + system CPU milliseconds a process has used (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuMs(/** @type {number} */ pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Sends the request and resolves with the milliseconds until the whole answer was read; throws
 * unless it is a 200 (a server that fails fast must not look fast).
 * @param {string} url
 */
export function firstAnswer(url) {
  const body = JSON.stringify({ instanceIds: ['first-answer-instance'] });
  const started = performance.now();
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      request(`${url}/api/v2/vm`, { method: 'POST', headers: releaseHeaders() }, (res) => {
        res.resume().once('end', () => {
          if (res.statusCode === 200) resolve(performance.now() - started);
          else reject(new Error(`${url}: the first answer was ${res.statusCode}`));
        });
      })
        .once('error', reject)
        .end(body);
    })
  );
}
