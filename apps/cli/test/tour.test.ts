// `pnpm demo`: the tour runs every flow on stateful mocks, exits 0, leaves nothing running,
// and each flow's visible outcome is on screen in the order it happened.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

let out = '';
let code: number | null = null;
beforeAll(async () => {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../dist/tour.js', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  code = await new Promise((resolve) => child.on('close', resolve));
}, 60_000);

/** The tour's lines from `start` on, so each pattern is matched after the previous one. */
function inOrder(patterns: (string | RegExp)[]): void {
  let rest = out;
  for (const p of patterns) {
    const at = typeof p === 'string' ? rest.indexOf(p) : rest.search(p);
    expect(at, `not found (in order): ${p}`).toBeGreaterThanOrEqual(0);
    rest = rest.slice(at + 1);
  }
}
/** Step n's lines: from "n. " to the next step. */
function step(n: number): string {
  const to = out.indexOf(`\n${n + 1}. `);
  return out.slice(out.indexOf(`\n${n}. `), to < 0 ? undefined : to);
}

describe('pnpm demo', () => {
  it('exits 0 after every flow, and prints no secret', () => {
    expect(code).toBe(0);
    expect(out).toContain('Tour complete.');
    expect(out).not.toContain('demo-password-not-a-secret');
    expect(out).not.toContain('demo-keystone-token');
  });

  it("1: the client's teardown() terminates, waits for RECYCLE, releases, waits until gone", () => {
    inOrder([
      '→ POST /api/v2/vm  X-ZC-Action: TerminateInstance  {"instanceId":"vm-1"}',
      '→ POST /api/v2/vm  X-ZC-Action: TerminateInstance  {"instanceId":"vm-2"}',
      // The waiter asks only about ids not yet there: the last poll may name one or both.
      /← 200 {2}\[(?:vm-\d RECYCLE(?:, )?)+\] {2}requestId T/,
      '→ POST /api/v2/vm  X-ZC-Action: ReleaseInstances  {"instanceIds":["vm-1","vm-2"]}',
      /← 200 {2}requestId T[0-9A-F-]{36}\n/,
      '← 200  [none found]',
      '✓ teardown(): vm-1 gone, vm-2 gone',
    ]);
    expect(step(1)).toMatch(/Authorization: ZC2-HMAC-SHA256 Credential=DEMO-ACCESS-KEY, .*Signature=\*\*\*/);
  });

  it('2: a disk released twice (RECYCLED, then destroyed), then "already gone" with ignoreMissing', () => {
    inOrder([
      'X-ZC-Action: ReleaseDisk  {"diskId":"disk-data-01"}',
      '[disk-data-01 RECYCLED]',
      '✓ waitUntilDisksInRecycleBin: disk-data-01 RECYCLED',
      'X-ZC-Action: ReleaseDisk  {"diskId":"disk-data-01"}',
      '✓ second ReleaseDisk accepted',
      '← 404 INVALID_DISK_NOT_FOUND',
      'resolved as { alreadyGone: true }',
    ]);
  });

  it('3: DestroyPort before TerminatePort is refused, then succeeds from RECYCLED', () => {
    inOrder([
      'X-ZC-Action: DestroyPort  {"portId":"port-01"}',
      /✓ ZenlayerApiError: status 403, code OPERATION_DENIED_INSTANCE_NOT_RECYCLED, requestId T/,
      'X-ZC-Action: TerminatePort',
      '[port-01 RECYCLED]',
      'X-ZC-Action: DestroyPort',
      '✓ teardown(): port-01 gone',
    ]);
  });

  it('4: a queued 429 is survived by the client retry, as the mock journal shows', () => {
    expect(step(4).match(/X-ZC-Action: ReleaseInstances {2}\{"instanceIds":\["vm-3"\]\}/g)).toHaveLength(2);
    inOrder(['← 429 REQUEST_LIMIT_EXCEEDED', "✓ the mock's journal: 429 REQUEST_LIMIT_EXCEEDED, then 200"]);
  });

  it('5–7: a Neutron delete and its repeat (404), a router port (409), a stale revision (412)', () => {
    inOrder([
      '→ DELETE /v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11',
      '← 204',
      '→ GET /v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11',
      '← 404 PortNotFound',
      /✓ NeutronApiError: status 404, type PortNotFound, requestId req-/,
      '✓ with ignoreMissing: { alreadyGone: true }',
      /✓ NeutronApiError: status 409, type ServicePortInUse/,
      'If-Match: revision_number=3',
      /✓ NeutronApiError: status 412, type RevisionNumberConstraintFailed/,
      'If-Match: revision_number=4',
      '← 204',
    ]);
  });
});
