// The built CLI in a child process, as a user starts it: both mocks on ephemeral ports. Each
// child is stopped (SIGTERM, awaited) after its test, also when the test fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closeAfterTest } from './after-test.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** How long the banner may take: the CLI loads the whole mock first, slow on a loaded machine. */
const READY_WITHIN_MS = 60_000;
const BANNER = /Zenlayer mock: (\S+)\n(?:.*\n)*?Neutron mock:\s+(\S+)\n/;

/**
 * `cloud-release-mock --zenlayer-port 0 --neutron-port 0 ...args`. `ready` settles with the two
 * URLs of the banner, or rejects on exit or after READY_WITHIN_MS; a test that expects the
 * child to exit need not await it. `output` is stdout and stderr so far.
 */
export function runCli(args: string[]) {
  const child = spawn(process.execPath, [cli, '--zenlayer-port', '0', '--neutron-port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  closeAfterTest(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = new Promise<{ zenlayer: string; neutron: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready within ${READY_WITHIN_MS} ms: ${out}`)),
      READY_WITHIN_MS,
    );
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before ready: ${out}`));
    });
    child.stdout.on('data', () => {
      const urls = BANNER.exec(out);
      if (!urls) return;
      clearTimeout(timer);
      resolve({ zenlayer: urls[1]!, neutron: urls[2]! });
    });
  });
  ready.catch(() => {});
  return { ready, exited, output: () => out };
}
