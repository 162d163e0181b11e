// `pnpm mock`: serves both APIs, prints both URLs once ready, stops cleanly on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 10_000);
    child.stdout.on('data', () => {
      if (out.includes('Neutron mock:')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => out };
}

describe('cloud-release-mock CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves both APIs on the given ports and stops on ${signal}`, async () => {
      const { child, ready, exited, output } = run(['--zenlayer-port', '0', '--neutron-port', '0']);
      const banner = await ready;
      const zenlayer = /Zenlayer mock: (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
      const neutron = /Neutron mock:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
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
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output()).toMatch(/neutron DELETE \/v2\.0\/ports\/\S+ DeletePort -> 204 deleted/);
      expect(output()).toMatch(/zenlayer POST \/api\/v2\/vm ReleaseInstances -> 401 AUTHFAILURE_INVALID_AUTHORIZATION/);
      expect(output()).toContain('cloud-release-mock: stopped');
    });
  }

  it('refuses a bad port with a usage error naming the flag and the limit', async () => {
    const { exited, output } = run(['--zenlayer-port', '70000']);
    expect(await exited).toBe(2);
    expect(output()).toContain('--zenlayer-port must be a port number 0..65535 (got "70000")');
  });
});
