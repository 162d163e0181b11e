// `pnpm mock`: serves both APIs, prints both URLs once ready, stops cleanly on SIGTERM/SIGINT.
// Readiness is what the CLI prints, waited for with a generous bound (a loaded machine starts
// Prism slowly), and every child is killed after each test, also when the test failed.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// CI runs this file with another Node too (e.g. 24) by naming its binary here.
const node = process.env.CLOUD_RELEASE_TEST_NODE || process.execPath;
const READY_WITHIN_MS = 60_000;
const TEST_TIMEOUT_MS = 90_000;

const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
});

function run(args: string[]) {
  const child = spawn(node, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waiters = new Set<() => void>();
  const onOutput = (d: Buffer) => {
    out += d;
    for (const check of waiters) check();
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  /** Resolves with the output once it matches; fails on exit or after the bound, with the output. */
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`not ready within ${READY_WITHIN_MS} ms: ${out}`)),
        READY_WITHIN_MS,
      );
      const check = () => pattern.test(out) && done();
      const done = (error?: Error) => {
        clearTimeout(timer);
        waiters.delete(check);
        error ? reject(error) : resolve(out);
      };
      waiters.add(check);
      void exited.then((code) => done(new Error(`exited ${code} before ready: ${out}`)));
      check();
    });
  return { child, waitFor, exited, output: () => out };
}

const URLS = /Zenlayer mock: (http:\/\/127\.0\.0\.1:\d+)\n(?:.*\n)*?Neutron mock:\s+(http:\/\/127\.0\.0\.1:\d+)\n/;

describe('cloud-release-mock CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(
      `serves both APIs on the given ports and stops on ${signal}`,
      async () => {
        const { child, waitFor, exited, output } = run(['--zenlayer-port', '0', '--neutron-port', '0']);
        const [, zenlayer, neutron] = URLS.exec(await waitFor(URLS))!;
        const deleted = await fetch(`${neutron}/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11`, {
          method: 'DELETE',
          headers: { 'x-auth-token': 't' },
        });
        expect(deleted.status).toBe(204);
        const unsigned = await fetch(`${zenlayer}/api/v2/vm`, {
          method: 'POST',
          headers: { 'x-zc-action': 'ReleaseInstances', 'content-type': 'application/json' },
          body: '{"instanceIds":["i"]}',
        });
        expect(unsigned.status).toBe(401);
        await waitFor(/ReleaseInstances -> 401/);
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(output()).toMatch(/neutron DELETE \/v2\.0\/ports\/\S+ DeletePort -> 204 deleted/);
        expect(output()).toMatch(
          /zenlayer POST \/api\/v2\/vm ReleaseInstances -> 401 AUTHFAILURE_INVALID_AUTHORIZATION/,
        );
        expect(output()).toContain('cloud-release-mock: stopped');
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'accepts only the bearer tokens given with --bearer-token',
    async () => {
      const { waitFor } = run([
        '--zenlayer-port',
        '0',
        '--neutron-port',
        '0',
        '--quiet',
        '--bearer-token',
        'tok-1',
        '--bearer-token',
        'tok-2',
      ]);
      const [, zenlayer] = URLS.exec(await waitFor(URLS))!;
      const release = (token: string) =>
        fetch(`${zenlayer}/api/v2/zec`, {
          method: 'POST',
          headers: {
            'x-zc-action': 'ReleaseDisk',
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
          body: '{"diskId":"d-1"}',
        });
      expect((await release('tok-2')).status).toBe(200);
      expect((await release('tok-3')).status).toBe(401);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses a bad port with a usage error naming the flag and the limit',
    async () => {
      const { exited, output } = run(['--zenlayer-port', '70000']);
      expect(await exited).toBe(2);
      expect(output()).toContain('--zenlayer-port must be a port number 0..65535 (got "70000")');
    },
    TEST_TIMEOUT_MS,
  );
});
