// `pnpm demo`: the tour runs every step, exits 0 and leaves nothing running.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('runs the whole tour against its own mocks and exits 0', async () => {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../dist/tour.js', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(out.match(/→ POST \/api\/v2\/vm {2}X-ZC-Action: ReleaseInstances/g)).toHaveLength(4);
  expect(out).toContain('✓ 250 instances accepted in 3 requests');
  expect(out).toContain('← 404 INVALID_DISK_NOT_FOUND');
  expect(out).toContain('resolved as { alreadyGone: true }');
  expect(out).toMatch(/✓ ZenlayerApiError: status 403, code OPERATION_DENIED_INSTANCE_NOT_RECYCLED, requestId T/);
  expect(out).toContain('← 204');
  expect(out).toContain('Tour complete.');
  expect(out).not.toContain('demo-password-not-a-secret');
});
