// `cloud-release --help | head -3`: a reader that stops reading is not a crash of ours.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

it('exits 0 without a stack trace when stdout is closed after the first chunk', async () => {
  // A dry run of 5,000 ids prints 50 requests: far more than one chunk, so writes follow the close.
  const ids = Array.from({ length: 5000 }, (_, i) => `vm-${i}`);
  const child = spawn(process.execPath, [cli, 'release-instances', ...ids, '--dry-run'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  // Like `head -1`: read one chunk, then close the pipe while the CLI may still be writing.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
  expect(code).toBe(0);
});
