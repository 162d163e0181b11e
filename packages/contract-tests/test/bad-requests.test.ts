// Bad input through raw fetch, through each way in (the server, createMockFetch, MSW handlers):
// each answer must be prompt, in the provider's own shape, the same from every way, and leave
// the mock serving. These cases are hand-listed on purpose: they are what the spec forbids.
import { afterAll, describe, expect, it } from 'vitest';
import { SUITE_CREDENTIALS } from './support/clients.js';
import { componentSchema, schemaErrors } from './support/spec.js';
import { answerHeaders, sameIds, sameSkew, type WayIn, waysIn } from './support/ways-in.js';

const ways = waysIn();
// "At once" means no waiting for the whole upload or a hang; generous, because CI runs every package on 2 cores at once.
const PROMPT_MS = 5_000;

// Valid credentials, so that each case fails for its own reason only.
const signed = () => ({ 'content-type': 'application/json', authorization: 'Bearer contract-suite-token' });
const forgedSignature = (timestamp: number) => ({
  authorization: `ZC2-HMAC-SHA256 Credential=${SUITE_CREDENTIALS.accessKeyId}, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
  'x-zc-timestamp': String(timestamp),
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
});

interface Case {
  name: string;
  path?: string;
  method?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  status: number;
  code: string;
  /** The message must name this (the field, the limit). */
  mentions: RegExp;
}

const vm = (body: unknown) => JSON.stringify({ instanceIds: body });
const zenlayerCases: Case[] = [
  { name: 'missing field', body: '{}', status: 400, code: 'MISSING_PARAMETER', mentions: /instanceIds/ },
  {
    name: 'empty id',
    body: vm(['']),
    status: 400,
    code: 'INVALID_PARAMETER_LESS_LENGTH',
    mentions: /instanceIds\[0\].*1 character/,
  },
  { name: 'wrong type', body: vm('i-1'), status: 400, code: 'INVALID_PARAMETER_TYPE', mentions: /instanceIds.*array/ },
  {
    name: 'unknown field',
    body: '{"instanceIds":["i-1"],"force":true}',
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /force/,
  },
  {
    name: 'zero ids',
    body: vm([]),
    status: 400,
    code: 'INVALID_PARAMETER_LESS_MINIMUM',
    mentions: /instanceIds.*1 item/,
  },
  {
    name: '101 ids',
    body: vm(Array.from({ length: 101 }, (_, i) => `i-${i}`)),
    status: 400,
    code: 'INVALID_PARAMETER_EXCEED_MAXIMUM',
    mentions: /instanceIds.*100 items/,
  },
  {
    name: 'empty diskId',
    path: '/api/v2/zec',
    headers: { 'x-zc-action': 'ReleaseDisk' },
    body: '{"diskId":""}',
    status: 400,
    code: 'INVALID_PARAMETER_LESS_LENGTH',
    mentions: /diskId/,
  },
  {
    name: 'numeric portId',
    path: '/api/v2/sdn',
    headers: { 'x-zc-action': 'DestroyPort' },
    body: '{"portId":42}',
    status: 400,
    code: 'INVALID_PARAMETER_TYPE',
    mentions: /portId.*string/,
  },
  {
    name: 'bad X-ZC-Version',
    headers: { 'x-zc-version': '13/03/2023' },
    body: vm(['i-1']),
    status: 400,
    code: 'INVALID_PARAMETER_DATE_FORMAT_ERROR',
    mentions: /X-ZC-Version/,
  },
  {
    name: 'no Authorization',
    headers: { authorization: undefined },
    body: vm(['i-1']),
    status: 401,
    code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
    mentions: /Authorization/,
  },
  {
    name: 'malformed Authorization',
    headers: { authorization: 'ZC2-HMAC-SHA256 garbage' },
    body: vm(['i-1']),
    status: 401,
    code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
    mentions: /malformed/,
  },
  {
    name: 'stale timestamp',
    headers: forgedSignature(1673361177),
    body: vm(['i-1']),
    status: 401,
    code: 'AUTHFAILURE_SIGNATURE_EXPIRED',
    mentions: /300 s/,
  },
  {
    name: 'wrong signature',
    headers: forgedSignature(Math.floor(Date.now() / 1000)),
    body: vm(['i-1']),
    status: 401,
    code: 'AUTHFAILURE_SIGNATURE_FAILURE',
    mentions: /signature does not match/,
  },
  {
    name: 'unknown service path',
    path: '/api/v2/nope',
    body: vm(['i-1']),
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /\/api\/v2\/nope/,
  },
  {
    name: 'unknown action',
    headers: { 'x-zc-action': 'DescribeThings' },
    body: vm(['i-1']),
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /DescribeThings/,
  },
  {
    name: 'mismatched action',
    headers: { 'x-zc-action': 'ReleaseDisk' },
    body: vm(['i-1']),
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /ReleaseDisk.*ReleaseInstances/,
  },
  {
    name: 'missing action',
    headers: { 'x-zc-action': undefined },
    body: vm(['i-1']),
    status: 400,
    code: 'MISSING_PARAMETER',
    mentions: /X-ZC-Action/,
  },
  { name: 'GET instead of POST', method: 'GET', status: 400, code: 'INVALID_PARAMETER_VALUE', mentions: /POST/ },
  {
    name: 'malformed JSON',
    body: '{"instanceIds": [',
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /not valid JSON/,
  },
  { name: 'empty body', body: '', status: 400, code: 'MISSING_PARAMETER', mentions: /empty/ },
  {
    name: 'array body',
    body: '["i-1"]',
    status: 400,
    code: 'INVALID_PARAMETER_TYPE',
    mentions: /JSON object \(got array\)/,
  },
  { name: 'string body', body: '"i-1"', status: 400, code: 'INVALID_PARAMETER_TYPE', mentions: /got string/ },
  {
    name: 'wrong content type',
    headers: { 'content-type': 'text/plain' },
    body: vm(['i-1']),
    status: 400,
    code: 'INVALID_PARAMETER_VALUE',
    mentions: /Content-Type.*text\/plain/,
  },
  {
    name: '5 MB body',
    body: 'a'.repeat(5 * 1024 * 1024),
    status: 400,
    code: 'INVALID_PARAMETER_EXCEED_LENGTH',
    mentions: /5242880 bytes.*1048576/,
  },
];

async function timed(way: WayIn, url: string, init: RequestInit) {
  const started = performance.now();
  const response = await way.fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  const body = await response.json();
  return { response, body, ms: performance.now() - started };
}

/** What a client notices of each way's answer, for comparing them. */
const noticed = (response: Response, body: unknown) => ({
  status: response.status,
  headers: answerHeaders(response.headers),
  body: sameSkew(sameIds(JSON.stringify(body))),
});

describe('zenlayer mock refuses bad input like the provider', () => {
  it.each(zenlayerCases)('$name → $status $code, through every way in alike', async (c) => {
    const headers = Object.fromEntries(
      Object.entries({ ...signed(), 'x-zc-action': 'ReleaseInstances', ...c.headers }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    );
    const seen: Record<string, unknown> = {};
    for (const way of ways) {
      const { response, body, ms } = await timed(way, `${way.urls.zenlayer}${c.path ?? '/api/v2/vm'}`, {
        method: c.method ?? 'POST',
        headers,
        ...(c.body !== undefined && { body: c.body }),
      });
      expect(response.status, way.name).toBe(c.status);
      expect(body, way.name).toMatchObject({ code: c.code, requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/) });
      expect(body.message, way.name).toMatch(c.mentions);
      const schema = componentSchema(c.status === 401 ? 'AuthFailureError' : 'BadRequestError');
      expect(schemaErrors('zenlayer', schema, body)).toEqual([]);
      expect(ms, way.name).toBeLessThan(PROMPT_MS);
      seen[way.name] = noticed(response, body);
    }
    expect(seen.createMockFetch).toEqual(seen.server);
    expect(seen.msw).toEqual(seen.server);
  });
});

describe('neutron mock refuses bad input like the provider', () => {
  const id = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
  const cases: Array<{
    name: string;
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    status: number;
    schema?: string;
    check: object;
  }> = [
    {
      name: 'no token → Keystone 401',
      path: `/v2.0/ports/${id}`,
      headers: {},
      status: 401,
      schema: 'KeystoneError',
      check: { error: { code: 401, title: 'Unauthorized' } },
    },
    {
      name: 'non-UUID port id → 404 PortNotFound',
      path: '/v2.0/ports/not-a-uuid',
      status: 404,
      schema: 'NotFoundError',
      check: { NeutronError: { type: 'PortNotFound', message: 'Port not-a-uuid could not be found.' } },
    },
    {
      name: 'non-integer revision in If-Match → 400 BadRequest',
      path: `/v2.0/ports/${id}`,
      headers: { 'x-auth-token': 't', 'if-match': 'revision_number=abc' },
      status: 400,
      schema: 'BadRequestError',
      check: { NeutronError: { type: 'BadRequest', message: expect.stringMatching(/If-Match.*revision_number=abc/) } },
    },
    {
      name: 'a body with the DELETE → 400 HTTPBadRequest',
      path: `/v2.0/ports/${id}`,
      body: '{"port":{}}',
      status: 400,
      schema: 'BadRequestError',
      check: { NeutronError: { type: 'HTTPBadRequest', message: 'Request body is not supported in DELETE.' } },
    },
    {
      name: 'unknown path → 404',
      path: '/v2.0/networks/x',
      status: 404,
      check: { NeutronError: { type: 'HTTPNotFound' } },
    },
    {
      name: 'PUT → 405',
      path: `/v2.0/ports/${id}`,
      method: 'PUT',
      status: 405,
      check: { NeutronError: { type: 'HTTPMethodNotAllowed' } },
    },
  ];
  it.each(cases)('$name, through every way in alike', async (c) => {
    const seen: Record<string, unknown> = {};
    for (const way of ways) {
      const { response, body, ms } = await timed(way, `${way.urls.neutron}${c.path}`, {
        method: c.method ?? 'DELETE',
        headers: c.headers ?? { 'x-auth-token': 't' },
        ...(c.body !== undefined && { body: c.body }),
      });
      if (c.path.startsWith('/v2.0'))
        expect(response.headers.get('x-openstack-request-id'), way.name).toMatch(/^req-[0-9a-f-]{36}$/);
      expect(response.status, way.name).toBe(c.status);
      expect(body, way.name).toMatchObject(c.check);
      if (c.schema) expect(schemaErrors('neutron', componentSchema(c.schema), body)).toEqual([]);
      expect(ms, way.name).toBeLessThan(PROMPT_MS);
      seen[way.name] = noticed(response, body);
    }
    expect(seen.createMockFetch).toEqual(seen.server);
    expect(seen.msw).toEqual(seen.server);
  });
});

afterAll(async () => {
  // After all of the above the mocks still serve, every way.
  for (const way of ways) {
    const ok = await way.fetch(`${way.urls.zenlayer}/api/v2/vm`, {
      method: 'POST',
      headers: { ...signed(), 'x-zc-action': 'ReleaseInstances' },
      body: vm(['i-1']),
    });
    expect(ok.status, way.name).toBe(200);
    const deleted = await way.fetch(`${way.urls.neutron}/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    expect(deleted.status, way.name).toBe(204);
  }
});
