// The one flow of every destructive command, as a user meets it: refusals come before the
// prompt and before any mock starts, the embedded mock a run started is closed when it ends
// (or the command would never exit), and --json names the endpoint once it is printable.
import { expect, it } from 'vitest';
import { runMain } from './support/harness.js';
import { runFixture } from './support/zenlayer.js';

const { server } = runFixture('release-flow', ['PW-7']);

it.each([
  ['accepted', { status: 200, body: { requestId: 'T-1', response: {} } }, 0],
  ['refused', { status: 403, body: { requestId: 'T-2', code: 'X', message: 'no' } }, 1],
])('the embedded mock a run started is closed when it ends (%s)', async (_, answer, code) => {
  const s = await server(answer);
  let started = 0;
  let closed = 0;
  const r = await runMain(['release-disk', 'disk-1', '--yes'], {
    env: {},
    startEmbedded: async () => {
      started++;
      return { url: s.url, close: async () => void closed++ };
    },
  });
  expect(r.code).toBe(code);
  expect([started, closed]).toEqual([1, 1]);
});

it('missing credentials are refused before the prompt, on a terminal too', async () => {
  const s = await server({ status: 200 });
  const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url], { env: {}, tty: true });
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain('Type "yes"');
  expect(s.requests).toEqual([]);
});

it('an id the client refuses is refused before the embedded mock starts', async () => {
  let started = 0;
  const r = await runMain(['release-instances', 'vm-1', '', '--yes'], {
    env: {},
    startEmbedded: async () => {
      started++;
      return { url: 'http://127.0.0.1:9', close: async () => {} };
    },
  });
  expect(r.code).toBe(2);
  expect(started).toBe(0);
});

it('--json: an error names the endpoint it was checked against, but never one that was refused', async () => {
  const s = await server({ status: 200 });
  const unset = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes', '--json'], { env: {} });
  expect(unset.code).toBe(2);
  expect(JSON.parse(unset.stdout)).toMatchObject({ ok: false, endpoint: s.url, error: { name: 'UsageError' } });
  const refused = await runMain([
    'release-disk',
    'disk-1',
    '--endpoint',
    'http://u:PW-7@example.com',
    '--yes',
    '--json',
  ]);
  expect(refused.code).toBe(2);
  expect(Object.keys(JSON.parse(refused.stdout))).toEqual(['ok', 'error']);
});

it('--json on the embedded mock: the result names it', async () => {
  const s = await server({ status: 200, body: { requestId: 'T-E', response: {} } });
  const r = await runMain(['destroy-port', 'port-1', '--yes', '--json'], {
    env: {},
    startEmbedded: async () => ({ url: s.url, close: async () => {} }),
  });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    ok: true,
    endpoint: s.url,
    embeddedMock: true,
    result: { requestId: 'T-E', alreadyGone: false },
  });
});

it('the embedded mock is told apart from real credentials: they are named as ignored, and the demo token is sent', async () => {
  const s = await server({ status: 204 });
  const r = await runMain(['neutron', 'delete-port', '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11', '--yes'], {
    env: { ZENLAYER_BEARER_TOKEN: 'BEARER-7', OS_TOKEN: 'PW-7' },
    startEmbedded: async () => ({ url: s.url, close: async () => {} }),
  });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(
    `Using the embedded neutron mock at ${s.url}: nothing real is released; ZENLAYER_BEARER_TOKEN, OS_TOKEN from the environment ignored (pass --endpoint to use them).\n`,
  );
  expect(s.requests.map((q) => q.headers['x-auth-token'])).toEqual(['demo-keystone-token']);
});

it('the real embedded mock stops listening when the run ends', async () => {
  const r = await runMain(['release-disk', 'disk-1', '--yes', '--dry-run'], { env: {} });
  expect(r.code).toBe(0);
  const url = /^Using the embedded zenlayer mock at (\S+): /m.exec(r.stderr)?.[1];
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(fetch(`${url}/`)).rejects.toThrow();
}, 60_000); // Prism's start-up, on a busy machine
