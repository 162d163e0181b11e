// The servers the load, startup and memory sections compare, each in a process of its own, each
// started the way a user starts it and timed from spawn to the line that says it listens.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../packages/contract-tests/package.json', import.meta.url));
/** `prism mock` from the contract suite's own @stoplight/prism-cli (5.14.2), run by node directly. */
export const PRISM_CLI = require.resolve('@stoplight/prism-cli/dist/index.js');
export const ZENLAYER_SPEC = fileURLToPath(new URL('../../packages/mock/dist/spec/zenlayer.yaml', import.meta.url));
/** @param {string} file */
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** @typedef {{ url: string, readyMs: number, pid: number, stop: () => Promise<void> }} Server */

/** Every server answers a ReleaseInstances the client would send; each logs one line a request to stdout. */
/** @type {Record<string, { args: string[], ready: RegExp }>} */
export const SERVERS = {
  'node:http baseline': { args: [here('./envelope-server.mjs')], ready: /http:\/\/127\.0\.0\.1:\d+/ },
  '@cloud-release/mock (examples)': { args: [here('./mock-process.mjs'), 'examples'], ready: /^ready (\S+)/m },
  '@cloud-release/mock (stateful)': { args: [here('./mock-process.mjs'), 'stateful'], ready: /^ready (\S+)/m },
  'prism mock': {
    args: [PRISM_CLI, 'mock', '-h', '127.0.0.1', '-p', '0', ZENLAYER_SPEC],
    ready: /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/,
  },
};

/**
 * Spawns a server and resolves when it prints its ready line, with the milliseconds since spawn.
 * Its stdout keeps being read (and dropped), so its per-request logging costs what it costs.
 * @param {string} name
 * @returns {Promise<Server>}
 */
export function startServer(name) {
  const { args, ready } = /** @type {{ args: string[], ready: RegExp }} */ (SERVERS[name]);
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    /** @type {string | null} */
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not ready in 60 s: ${out?.slice(-500)}`));
    }, 60_000);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before ready: ${out?.slice(-500)}`)));
    child.stdout.on('data', (chunk) => {
      if (out === null) return;
      out += chunk;
      const match = ready.exec(out);
      if (!match) return;
      const readyMs = performance.now() - started;
      clearTimeout(timer);
      out = null;
      child.removeAllListeners('exit');
      resolve({
        url: (match[1] ?? match[0]).replace(/\/$/, ''),
        readyMs,
        pid: /** @type {number} */ (child.pid),
        stop: () =>
          /** @type {Promise<void>} */ (
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
            })
          ),
      });
    });
  });
}

/** Resident memory of a process, in MiB (Linux). */
/** @param {number} pid */
export async function rssMiB(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}
