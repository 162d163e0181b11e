// What decides whether deletePort sends a DELETE, and how its answer is accounted for:
// the port-id check, the If-Match revision check and ignoreMissing. Written to kill the
// mutants Stryker found surviving here (issue 15); each asserts what reaches the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, NeutronApiError, ValidationError } from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
let server: CaptureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function neutron(reply: Reply = { status: 204 }) {
  server = await startCaptureServer(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'keystone-SECRET' });
}
const neutronError = (status: number, type: string): Reply => ({
  status,
  body: { NeutronError: { type, message: `${type} happened`, detail: '' } },
});

describe('port id check: nothing is sent for an id that is not exactly a UUID', () => {
  it.each([
    ['a leading character', `x${PORT}`],
    ['a trailing path', `${PORT}/../other`],
    ['a trailing character', `${PORT}0`],
    ['an empty string', ''],
    ['a word', 'my-port'],
  ])('refuses %s', async (_, portId) => {
    const ne = await neutron();
    const error = await ne.deletePort(portId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'portId', outcome: 'not-sent', limit: 'a UUID' });
    expect((error as Error).message).toContain('nothing was sent');
    expect(server!.requests).toHaveLength(0);
  });

  it('refuses a value that is not a string, naming it', async () => {
    const ne = await neutron();
    const error = await ne.deletePort(42 as unknown as string).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: 'portId', outcome: 'not-sent' });
    expect((error as Error).message).toContain('(got 42)');
    expect(server!.requests).toHaveLength(0);
  });

  it('sends an upper-case UUID, as the spec pattern admits', async () => {
    const ne = await neutron();
    await expect(ne.deletePort(PORT.toUpperCase())).resolves.toEqual({ alreadyGone: false });
    expect(server!.requests.map((r) => r.path)).toEqual([`/v2.0/ports/${PORT.toUpperCase()}`]);
  });
});

describe('If-Match revision', () => {
  it('sends revision 0 as If-Match: revision_number=0', async () => {
    const ne = await neutron();
    await expect(ne.deletePort(PORT, { ifMatchRevision: 0 })).resolves.toEqual({ alreadyGone: false });
    expect(server!.requests[0]!.headers['if-match']).toBe('revision_number=0');
  });

  it('sends no If-Match without a revision', async () => {
    const ne = await neutron();
    await ne.deletePort(PORT);
    expect(server!.requests[0]!.headers['if-match']).toBeUndefined();
  });

  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    ['3', '"3"'],
    [Number.MAX_SAFE_INTEGER + 1, String(Number.MAX_SAFE_INTEGER + 1)],
    [null, 'null'],
  ])('refuses %s before sending, naming it', async (revision, shown) => {
    const ne = await neutron();
    const error = await ne.deletePort(PORT, { ifMatchRevision: revision as number }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'ifMatchRevision', outcome: 'not-sent', limit: 'an integer ≥ 0' });
    expect((error as Error).message).toBe(`ifMatchRevision must be an integer ≥ 0 (got ${shown}); nothing was sent`);
    expect(server!.requests).toHaveLength(0);
  });
});

describe('ignoreMissing is "already gone" only for a 404 PortNotFound', () => {
  it('a 404 HTTPNotFound (a wrong base URL) is still an error', async () => {
    const ne = await neutron(neutronError(404, 'HTTPNotFound'));
    const error = await ne.deletePort(PORT, { ignoreMissing: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 404, type: 'HTTPNotFound', outcome: 'refused' });
  });

  it('a PortNotFound type under another status is still an error', async () => {
    const ne = await neutron(neutronError(409, 'PortNotFound'));
    await expect(ne.deletePort(PORT, { ignoreMissing: true })).rejects.toMatchObject({
      status: 409,
      type: 'PortNotFound',
    });
  });

  it('a 404 PortNotFound without ignoreMissing is an error', async () => {
    const ne = await neutron(neutronError(404, 'PortNotFound'));
    await expect(ne.deletePort(PORT, { ignoreMissing: false })).rejects.toMatchObject({
      status: 404,
      type: 'PortNotFound',
    });
  });

  it('a 200 with a body is not a 204: the outcome is unknown', async () => {
    const ne = await neutron({ status: 200, body: { port: { id: PORT } } });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer' });
  });
});

describe('construction refuses what could never authenticate', () => {
  it.each([
    ['a blank token', '   '],
    ['a token that is not a string', 42],
  ])('%s: ValidationError naming the token, nothing sent', (_, token) => {
    let error: unknown;
    try {
      createNeutronClient({ baseUrl: 'http://neutron.test', token: token as string });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'token', limit: 'a non-empty string', outcome: 'not-sent' });
    expect((error as Error).message).toBe('token must be a non-empty Keystone token');
  });

  it('no options at all: a ValidationError naming baseUrl, not a TypeError', () => {
    expect(() => createNeutronClient(undefined as never)).toThrow(ValidationError);
  });
});
