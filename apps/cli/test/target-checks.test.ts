// What is checked before anything starts: the --endpoint a user gives, and which credentials
// from the environment a run signs with (seen on --dry-run, masked), or why it refuses.
import { afterAll, describe, expect, it } from 'vitest';
import { outputs, recorder, runMain, SECRETS } from './support/harness.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
// Nothing listens here: a --dry-run sends nothing, and a refusal comes before any request.
const NOWHERE = 'http://127.0.0.1:9';
afterAll(() => {
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN, 'BEARER-SECRET', 'PW-ONLY'])
      expect(output).not.toContain(secret);
});
const dryRun = async (args: string[], env: Record<string, string> = SECRETS) => {
  const r = await runMain([...args, '--dry-run', '--json'], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { endpoint: string; requests: { url: string; headers: Record<string, string> }[] };
};
const refused = async (args: string[], env: Record<string, string> = SECRETS) => {
  const r = await runMain([...args, '--yes'], { env });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
};

describe('--endpoint', () => {
  it('trailing slashes are dropped: the request goes to the API path under it', async () => {
    const { endpoint, requests } = await dryRun(['release-disk', 'disk-1', '--endpoint', `${NOWHERE}//`]);
    expect(endpoint).toBe(NOWHERE);
    expect(requests.map((r) => r.url)).toEqual([`${NOWHERE}/api/v2/zec`]);
  });

  it('https is accepted', async () => {
    const { requests } = await dryRun(['release-disk', 'disk-1', '--endpoint', 'https://console.example.com/']);
    expect(requests[0]?.url).toMatch(/^https:\/\/console\.example\.com\/api\//);
  });

  it.each([['xhttp://example.com'], ['httpx://example.com'], ['not a url']])(
    '%s is refused: one line',
    async (endpoint) => {
      expect(await refused(['release-disk', 'disk-1', '--endpoint', endpoint])).toBe(
        `error: --endpoint must be an http(s) URL (got "${endpoint}")\n`,
      );
    },
  );

  it.each([['http://alice@example.com'], ['http://:PW-ONLY@example.com']])(
    '%s (a user name or a password alone) is refused, the userinfo masked',
    async (endpoint) => {
      expect(await refused(['release-disk', 'disk-1', '--endpoint', endpoint])).toBe(
        'error: --endpoint must not contain credentials (got "http://***@example.com"); they come from the environment only\n',
      );
    },
  );
});

describe('Zenlayer credentials from the environment', () => {
  const disk = ['release-disk', 'disk-1', '--endpoint', NOWHERE];
  const auth = async (env: Record<string, string>) => (await dryRun(disk, env)).requests[0]?.headers.authorization;

  it('an access key pair signs the request', async () => {
    expect(await auth({ ZENLAYER_ACCESS_KEY_ID: 'AK-1', ZENLAYER_ACCESS_KEY_PASSWORD: 'PW-ONLY' })).toMatch(
      /^ZC2-HMAC-SHA256 Credential=AK-1, /,
    );
  });

  it('a bearer token alone is sent as one', async () => {
    expect(await auth({ ZENLAYER_BEARER_TOKEN: 'BEARER-SECRET' })).toBe('Bearer ***');
  });

  it.each([
    [{ ZENLAYER_ACCESS_KEY_ID: 'AK-1', ZENLAYER_BEARER_TOKEN: 'BEARER-SECRET' }],
    [{ ZENLAYER_ACCESS_KEY_PASSWORD: 'PW-ONLY', ZENLAYER_BEARER_TOKEN: 'BEARER-SECRET' }],
  ])('a key and a bearer token both set is refused: %j', async (env) => {
    expect(await refused(disk, env)).toBe(
      'error: set either ZENLAYER_ACCESS_KEY_ID + ZENLAYER_ACCESS_KEY_PASSWORD or ZENLAYER_BEARER_TOKEN\n',
    );
  });

  it.each([[{ ZENLAYER_ACCESS_KEY_ID: 'AK-1' }], [{ ZENLAYER_ACCESS_KEY_PASSWORD: 'PW-ONLY' }]])(
    'half a key pair is refused, also on --dry-run: %j',
    async (env) => {
      const line = 'error: set both ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or neither\n';
      expect(await refused(disk, env)).toBe(line);
      expect(await refused([...disk, '--dry-run'], env)).toBe(line);
    },
  );

  it('none at all is refused without --dry-run', async () => {
    expect(await refused(disk, {})).toBe(
      'error: --endpoint needs credentials: set ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or ZENLAYER_BEARER_TOKEN\n',
    );
  });
});

describe('the Keystone token', () => {
  const port = ['neutron', 'delete-port', PORT, '--endpoint', NOWHERE];

  it('OS_TOKEN is what the request carries', async () => {
    const s = await recorder({ status: 204 });
    try {
      const r = await runMain(['neutron', 'delete-port', PORT, '--endpoint', s.url, '--yes']);
      expect(r.code).toBe(0);
      expect(s.requests.map((q) => q.headers['x-auth-token'])).toEqual([SECRETS.OS_TOKEN]);
    } finally {
      await s.close();
    }
  });

  it('without OS_TOKEN, --dry-run still shows the request, its token masked', async () => {
    expect((await dryRun(port, {})).requests[0]?.headers['x-auth-token']).toBe('***');
  });

  it('none is refused without --dry-run', async () => {
    expect(await refused(port, {})).toBe('error: --endpoint needs a Keystone token: set OS_TOKEN\n');
  });
});
