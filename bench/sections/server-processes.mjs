// The servers the load, startup and memory sections compare, each in a process of its own, each
// started the way a user starts it and timed from spawn to the line that says it listens (or,
// for one that prints nothing, to its first HTTP answer).
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../packages/contract-tests/package.json', import.meta.url));
/** `prism mock` from the contract suite's own @stoplight/prism-cli (5.14.2), run by node directly. */
export const PRISM_CLI = require.resolve('@stoplight/prism-cli/dist/index.js');
export const ZENLAYER_SPEC = fileURLToPath(new URL('../../packages/mock/dist/spec/zenlayer.yaml', import.meta.url));
/** @param {string} file */
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** @typedef {{ url: string, readyMs: number, pid: number, stop: () => Promise<void> }} Server */
/**
 * How a server starts and says it is ready: a line on stdout matching `ready`, or (`port`) a
 * free port chosen here and an HTTP answer on it, for a server that prints nothing.
 * @typedef {{ args: string[], ready: RegExp } | { args: (port: number) => string[], port: true }} ServerStart
 */

/** Every server answers a ReleaseInstances the client would send; each logs one line a request to stdout. */
/** @type {Record<string, ServerStart>} */
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
 * The same servers with no per-request logging, both sides silent. `prism mock -v silent` prints
 * nothing at all, not even that it listens: it gets a port and is asked until it answers.
 * @type {Record<string, ServerStart>}
 */
export const SILENT_SERVERS = {
  '@cloud-release/mock (examples)': {
    args: [here('./mock-process.mjs'), 'examples', 'silent'],
    ready: /^ready (\S+)/m,
  },
  '@cloud-release/mock (stateful)': {
    args: [here('./mock-process.mjs'), 'stateful', 'silent'],
    ready: /^ready (\S+)/m,
  },
  'prism mock': {
    args: (port) => [PRISM_CLI, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', ZENLAYER_SPEC],
    port: true,
  },
};

/** A port free right now on 127.0.0.1 (the kernel's pick, released at once). */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const probe = createServer().once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
        probe.close(() => resolve(port));
      });
    })
  );
}

/**
 * Resolves at the first HTTP answer of any status from `url`, asking every 5 ms until then or
 * until `given()` says to stop.
 * @param {string} url
 * @param {() => boolean} given
 */
function answered(url, given) {
  return /** @type {Promise<void>} */ (
    new Promise((resolve) => {
      const ask = () =>
        request(url, (res) => res.resume().once('end', () => resolve()))
          .once('error', () => given() || setTimeout(ask, 5))
          .end();
      ask();
    })
  );
}

/**
 * Spawns a server and resolves when it is ready (its ready line, or its first answer), with the
 * milliseconds since spawn. Its stdout keeps being read (and dropped), so its per-request
 * logging costs what it costs.
 * @param {string} name
 * @param {Record<string, ServerStart>} [table] SERVERS or SILENT_SERVERS
 * @returns {Promise<Server>}
 */
export async function startServer(name, table = SERVERS) {
  const start = /** @type {ServerStart} */ (table[name]);
  if (!('port' in start)) return startWithReadyLine(name, start.args, start.ready);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, start.args(port), { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.resume();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let failed = false;
  try {
    await Promise.race([
      answered(url, () => failed),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name}: no answer in 60 s`)), 60_000);
        child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it answered`)));
      }),
    ]);
  } catch (error) {
    failed = true;
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
    child.removeAllListeners('exit');
  }
  return {
    url,
    readyMs: performance.now() - started,
    pid: /** @type {number} */ (child.pid),
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process is gone. */
function stopChild(/** @type {import('node:child_process').ChildProcess} */ child) {
  return /** @type {Promise<void>} */ (
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    })
  );
}

/**
 * @param {string} name
 * @param {string[]} args
 * @param {RegExp} ready
 * @returns {Promise<Server>}
 */
function startWithReadyLine(name, args, ready) {
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
        stop: () => stopChild(child),
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
