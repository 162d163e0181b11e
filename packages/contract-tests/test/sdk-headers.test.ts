// The header sets the official Zenlayer SDKs send, byte for byte as they send them,
// must be accepted by the mock with signatures verified. The SDKs sign Content-Type and Host
// verbatim (no trimming, no lower-casing), so a user who configures a mixed-case host gets a
// mixed-case signature; this file signs on its own, independently of @cloud-release/client.
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { type RunningMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const KEY_ID = 'AK-SDK-HEADERS';
const KEY_PASSWORD = 'sdk-headers-password';
/** A host as a user might type it into the SDK's config: the SDKs sign it as typed. */
const MIXED_CASE_HOST = 'Console.Zenlayer.COM';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** ZC2-HMAC-SHA256 exactly as the SDKs compute it: header values taken verbatim. */
function authorization(contentType: string, host: string, body: string, timestamp: string) {
  const canonical = ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, 'content-type;host', sha256(body)];
  const stringToSign = `ZC2-HMAC-SHA256\n${timestamp}\n${sha256(canonical.join('\n'))}`;
  const signature = createHmac('sha256', KEY_PASSWORD).update(stringToSign).digest('hex');
  return `ZC2-HMAC-SHA256 Credential=${KEY_ID}, SignedHeaders=content-type;host, Signature=${signature}`;
}

type Service = 'vm' | 'zec' | 'sdn';
let serial = 0;
/** A fresh id per request: in the stateful mode each release moves its resource on. */
const fresh = (prefix: string) => `sdk-headers-${prefix}-${++serial}`;
const RELEASES: Record<Service, { action: string; body: () => Record<string, unknown>; versions: string[] }> = {
  vm: {
    action: 'ReleaseInstances',
    body: () => ({ instanceIds: [fresh('instance')] }),
    versions: ['2023-03-13', '2026-04-01'],
  },
  zec: { action: 'ReleaseDisk', body: () => ({ diskId: fresh('disk') }), versions: ['2024-04-01', '2025-09-01'] },
  sdn: { action: 'DestroyPort', body: () => ({ portId: fresh('port') }), versions: ['2023-08-30', '2026-04-01'] },
};

/**
 * Each SDK's set as it goes on the wire. Python (zenlayercloud-sdk-python, requests) sends
 * lower-case names and `json.dumps` bodies (", " and ": " separators); Go (zenlayercloud-sdk-go,
 * net/http) canonicalizes names to `X-Zc-…` and marshals compactly.
 */
const SDKS = {
  python: {
    lang: 'Python',
    version: 'SDK_PYTHON_2.0.26',
    names: (name: string) => name.toLowerCase(),
    serialize: (body: unknown) => JSON.stringify(body).replaceAll(',', ', ').replaceAll('":', '": '),
  },
  go: {
    lang: 'go',
    version: '0.3.4',
    names: (name: string) => name.replace(/(^|-)([a-z])/gi, (_, dash: string, c: string) => dash + c.toUpperCase()),
    serialize: (body: unknown) => JSON.stringify(body),
  },
} as const;

function sdkRequest(sdk: keyof typeof SDKS, service: Service, version: string, tamper = false) {
  const { lang, version: sdkVersion, names, serialize } = SDKS[sdk];
  const release = RELEASES[service];
  const body = serialize(release.body());
  const timestamp = String(Math.floor(Date.now() / 1000));
  const auth = authorization('application/json', MIXED_CASE_HOST, tamper ? `${body} ` : body, timestamp);
  const headers: Record<string, string> = {
    'x-zc-version': version,
    'x-zc-service': service,
    'x-zc-action': release.action,
    'x-zc-sdk-version': sdkVersion,
    'x-zc-sdk-lang': lang,
    'x-zc-signature-method': 'ZC2-HMAC-SHA256',
    'x-zc-timestamp': timestamp,
    'content-type': 'application/json',
    authorization: auth,
  };
  return {
    body,
    headers: { Host: MIXED_CASE_HOST, ...Object.fromEntries(Object.entries(headers).map(([n, v]) => [names(n), v])) },
  };
}

/** node:http rather than fetch: fetch may not set Host, and the SDKs send the configured one. */
const send = (url: string, service: Service, req: { body: string; headers: Record<string, string> }) =>
  new Promise<{ status: number; body: { code?: string; requestId?: string; response?: unknown } }>(
    (resolve, reject) => {
      const out = request(`${url}/api/v2/${service}`, { method: 'POST', headers: req.headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      out.on('error', reject);
      out.end(req.body);
    },
  );

const cases = (Object.keys(SDKS) as (keyof typeof SDKS)[]).flatMap((sdk) =>
  (Object.keys(RELEASES) as Service[]).flatMap((service) =>
    RELEASES[service].versions.map((version) => ({ sdk, service, version })),
  ),
);

describe.each(['examples', 'stateful'] as const)('official SDK header sets, %s mode, signatures verified', (mode) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ api: 'zenlayer', mode, credentials: { [KEY_ID]: KEY_PASSWORD } });
  });
  afterAll(() => mock?.close());

  it.each(cases)('$sdk SDK, $service $version, host signed as "Console.Zenlayer.COM": accepted', async (c) => {
    const answer = await send(mock.url, c.service, sdkRequest(c.sdk, c.service, c.version));
    expect(answer.body.code, JSON.stringify(answer.body)).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.requestId).toMatch(/^T[0-9A-F-]{36}$/);
    expect(answer.body.response).toBeDefined();
  });

  it.each(Object.keys(SDKS) as (keyof typeof SDKS)[])(
    '%s SDK set with a body other than the one signed: refused, so the sets above were verified',
    async (sdk) => {
      const answer = await send(mock.url, 'zec', sdkRequest(sdk, 'zec', '2025-09-01', true));
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('AUTHFAILURE_SIGNATURE_FAILURE');
    },
  );
});
