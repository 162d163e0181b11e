// The Neutron client on the wire, against a local capture server: Delete Port with the token and
// If-Match (a revision checked before sending), its reads (getPort, listPorts and their filters),
// the caller's signal and timeout, and a port id that is not a UUID string refused unsent.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, NetworkError, NeutronApiError, TimeoutError, ValidationError } from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { scriptedNeutronClient } from './support/scripted-client.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
/** The example a refused port id's message shows. */
const EXAMPLE_UUID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
let server: CaptureServer;
afterEach(async () => server?.close());

async function setup(reply: Reply = { status: 204 }, timeoutMs?: number) {
  server = await startCaptureServer(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'keystone-SECRET', ...(timeoutMs && { timeoutMs }) });
}
const neutronError = (status: number, type: string, message = `${type} happened`): Reply => ({
  status,
  body: { NeutronError: { type, message, detail: '' } },
});

describe('deletePort', () => {
  it('DELETEs /v2.0/ports/{id} with X-Auth-Token and If-Match', async () => {
    const ne = await setup();
    await expect(ne.deletePort(PORT, { ifMatchRevision: 4 })).resolves.toEqual({ alreadyGone: false });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', path: `/v2.0/ports/${PORT}` });
    expect(server.requests[0]!.headers).toMatchObject({
      'x-auth-token': 'keystone-SECRET',
      'if-match': 'revision_number=4',
    });
    expect(server.requests[0]!.body.length).toBe(0);
  });

  it('throws NeutronApiError with the exception type and the port', async () => {
    const ne = await setup(neutronError(409, 'ServicePortInUse', 'Port is a router interface'));
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 409, type: 'ServicePortInUse', portId: PORT });
    expect((error as Error).message).toBe(
      messages.neutronRefusal(`DeletePort port ${PORT}`, 409, 'ServicePortInUse', 'Port is a router interface'),
    );
  });

  it('reads Keystone’s 401 shape', async () => {
    const ne = await setup({
      status: 401,
      body: {
        error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
      },
    });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({
      status: 401,
      type: 'Unauthorized',
      apiMessage: 'The request you have made requires authentication.',
    });
  });

  it('404 PortNotFound is an error, or "already gone" with ignoreMissing', async () => {
    const ne = await setup(neutronError(404, 'PortNotFound'));
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ status: 404, type: 'PortNotFound' });
    await expect(ne.deletePort(PORT, { ignoreMissing: true })).resolves.toEqual({ alreadyGone: true });
  });

  it('412 on a stale revision is not hidden by ignoreMissing', async () => {
    const ne = await setup(neutronError(412, 'RevisionNumberConstraintFailed'));
    await expect(ne.deletePort(PORT, { ignoreMissing: true, ifMatchRevision: 1 })).rejects.toMatchObject({
      status: 412,
    });
  });

  it.each([
    ['not-a-uuid', {}, 'portId'],
    [PORT, { ifMatchRevision: -1 }, 'ifMatchRevision'],
    [PORT, { ifMatchRevision: 1.5 }, 'ifMatchRevision'],
    [PORT, { ifMatchRevision: '3' }, 'ifMatchRevision'],
    ['', {}, 'portId'],
    [42, {}, 'portId'],
  ] as const)('refuses %s %j before sending, naming %s', async (id, options, field) => {
    const ne = await setup();
    await expect(ne.deletePort(id as string, options as object)).rejects.toMatchObject({
      name: 'ValidationError',
      outcome: 'not-sent',
      field,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('aborts with the caller’s reason', async () => {
    const ne = await setup('hang');
    const controller = new AbortController();
    const pending = ne.deletePort(PORT, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('operator cancelled')), 30);
    await expect(pending).rejects.toThrow('operator cancelled');
  });

  it('reads a body that is neither envelope', async () => {
    const ne = await setup({ status: 502, body: 'Bad Gateway' });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 502, type: undefined, apiMessage: 'Bad Gateway' });
    expect((error as Error).message).toBe(
      messages.neutronRefusal(`DeletePort port ${PORT}`, 502, undefined, 'Bad Gateway'),
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'NeutronApiError',
      message: (error as Error).message,
      portId: PORT,
    });
  });

  it('turns a refused connection into a NetworkError', async () => {
    const ne = await setup();
    await server.close();
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(new RegExp(`^DeletePort port ${PORT}: no answer \\(`));
  });

  it('refuses a missing token or a bad timeout at construction', () => {
    expect(() => createNeutronClient({ baseUrl: 'http://127.0.0.1:9696', token: '' })).toThrow(
      /token must be a non-empty Keystone token/,
    );
    expect(() => createNeutronClient({ baseUrl: '127.0.0.1:9696', token: 't' })).toThrow(
      /baseUrl must be an absolute http\(s\) URL/,
    );
    expect(() => createNeutronClient({ baseUrl: 'http://127.0.0.1:9696', token: 't', timeoutMs: 0 })).toThrow(
      /timeoutMs must be a number of milliseconds ≥ 1/,
    );
  });

  // A server that never answers (a real socket, not a stub fetch: a fetch that only waits for
  // its signal is reachable from nothing else, and the garbage collector may take it whole).
  it('times out with a TimeoutError naming the limit, whose cause is the abort that ended the wait', async () => {
    const ne = await setup('hang', 100);
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ message: messages.timeout(`DeletePort port ${PORT}`, 100), timeoutMs: 100 });
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError', message: 'no answer within 100 ms' });
  });
});

const servers = serverPerTest();

async function neutron(reply: Reply, extra: object = {}) {
  const server = await servers.start(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'tok', ...extra });
}

describe('maxResponseBytes', () => {
  it('is refused below 1, naming the option', () => {
    let error: unknown;
    try {
      createNeutronClient({ baseUrl: 'http://neutron.test', token: 't', maxResponseBytes: 0 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'maxResponseBytes', limit: 'an integer ≥ 1' });
    expect((error as Error).message).toBe(messages.refused('maxResponseBytes', 'be an integer ≥ 1', '0'));
  });

  it('a port answer larger than the limit is an unknown outcome, never read', async () => {
    const ne = await neutron(
      { status: 200, body: { port: { id: PORT, name: 'x'.repeat(200) } } },
      { maxResponseBytes: 64 },
    );
    await expect(ne.getPort(PORT)).rejects.toMatchObject({ reason: 'response-too-large', operation: 'ShowPort' });
  });
});

describe('getPort', () => {
  it.each([
    ['a null port', { status: 200, body: { port: null } }],
    ['a JSON null', { status: 200, body: null }],
    ['a port that is a string', { status: 200, body: { port: PORT } }],
  ] as const)('%s is an unknown outcome, not a port', async (_, reply) => {
    const ne = await neutron(reply);
    await expect(ne.getPort(PORT)).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      message: messages.unexpectedAnswer(`ShowPort port ${PORT}`, 200, '{"port": {…}}'),
    });
  });
});

describe('listPorts', () => {
  it('without a filter sends no query', async () => {
    const ne = await neutron({ status: 200, body: { ports: [] } });
    await expect(ne.listPorts()).resolves.toEqual([]);
    expect(servers.server.requests.map((r) => r.path)).toEqual(['/v2.0/ports']);
  });

  it('one id that is not a UUID among good ones: refused naming it, and nothing is sent', async () => {
    const ne = await neutron({ status: 200, body: { ports: [] } });
    const error = await ne.listPorts({ id: [PORT, 'web'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'portId', limit: 'a UUID' });
    expect((error as Error).message).toContain('(got "web")');
    expect(servers.server.requests).toEqual([]);
  });

  it('a name that is not a string: refused naming the field and the limit, and nothing is sent', async () => {
    const ne = await neutron({ status: 200, body: { ports: [] } });
    const error = await ne.listPorts({ name: 7 as unknown as string }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'name', limit: 'a string', outcome: 'not-sent' });
    expect(servers.server.requests).toEqual([]);
  });
});

describe('NeutronApiError as a caller reads it', () => {
  it('a refused list names no port: "ListPorts ports failed"', async () => {
    const ne = await neutron({
      status: 403,
      headers: { 'x-openstack-request-id': 'req-9' },
      body: { NeutronError: { type: 'PolicyNotAuthorized', message: 'not allowed', detail: '' } },
    });
    await expect(ne.listPorts()).rejects.toMatchObject({
      name: 'NeutronApiError',
      portId: '',
      code: 'PolicyNotAuthorized',
      message: messages.neutronRefusal('ListPorts ports', 403, 'PolicyNotAuthorized', 'not allowed', 'req-9'),
    });
  });

  it('an empty X-Openstack-Request-Id is no request id', async () => {
    const ne = await neutron({
      status: 409,
      headers: { 'x-openstack-request-id': '' },
      body: { NeutronError: { type: 'ServicePortInUse', message: 'busy', detail: '' } },
    });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toMatchObject({ requestId: undefined });
    expect((error as Error).message).toBe(
      messages.neutronRefusal(`DeletePort port ${PORT}`, 409, 'ServicePortInUse', 'busy'),
    );
  });

  it('made by a caller without an operation (a test double), it is about DeletePort', () => {
    const error = new NeutronApiError(PORT, 404, 'PortNotFound', 'gone');
    expect(error).toMatchObject({ operation: 'DeletePort', outcome: 'refused', status: 404, code: 'PortNotFound' });
    expect(error.message).toBe(messages.neutronRefusal(`DeletePort port ${PORT}`, 404, 'PortNotFound', 'gone'));
  });
});

describe('reads take the caller’s signal', () => {
  it('an aborted signal stops getPort and listPorts before anything is sent, with its reason', async () => {
    const ne = await neutron({ status: 200, body: { ports: [] } });
    const reason = new Error('operator stopped');
    await expect(ne.getPort(PORT, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(ne.listPorts({ name: 'web', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(servers.server.requests).toEqual([]);
  });
});

describe('an error envelope whose fields are not strings', () => {
  it('has no type, and the status text for its message', async () => {
    const ne = await neutron({
      status: 409,
      body: { NeutronError: { type: 409, message: { text: 'busy' }, detail: '' } },
    });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NeutronApiError', status: 409, type: undefined, apiMessage: 'Conflict' });
    expect((error as Error).message).toBe(
      messages.neutronRefusal(`DeletePort port ${PORT}`, 409, undefined, 'Conflict'),
    );
  });
});

describe('a port id that is not a string', () => {
  it('is refused even when it prints as a UUID (an array of one id), and nothing is sent', async () => {
    const ne = await neutron({ status: 204 });
    const error = await ne.deletePort([PORT] as unknown as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'portId', limit: 'a UUID' });
    expect((error as Error).message).toContain(`(got ["${PORT}"])`);
    expect(servers.server.requests).toEqual([]);
  });
});

describe('what decides whether a DELETE is sent: the port id and the If-Match revision', () => {
  const scripted = scriptedNeutronClient();
  const neutron = scripted.neutron;

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
      expect((error as Error).message).toBe(
        messages.refusedUnsent('portId', `be a UUID like ${EXAMPLE_UUID}`, JSON.stringify(portId)),
      );
      expect(scripted.server.requests).toHaveLength(0);
    });

    it('refuses a value that is not a string, naming it', async () => {
      const ne = await neutron();
      const error = await ne.deletePort(42 as unknown as string).catch((e: unknown) => e);
      expect(error).toMatchObject({ field: 'portId', outcome: 'not-sent' });
      expect((error as Error).message).toBe(messages.refusedUnsent('portId', `be a UUID like ${EXAMPLE_UUID}`, '42'));
      expect(scripted.server.requests).toHaveLength(0);
    });

    it('sends an upper-case UUID, as the spec pattern admits', async () => {
      const ne = await neutron();
      await expect(ne.deletePort(PORT.toUpperCase())).resolves.toEqual({ alreadyGone: false });
      expect(scripted.server.requests.map((r) => r.path)).toEqual([`/v2.0/ports/${PORT.toUpperCase()}`]);
    });
  });

  describe('If-Match revision', () => {
    it('sends revision 0 as If-Match: revision_number=0', async () => {
      const ne = await neutron();
      await expect(ne.deletePort(PORT, { ifMatchRevision: 0 })).resolves.toEqual({ alreadyGone: false });
      expect(scripted.server.requests[0]!.headers['if-match']).toBe('revision_number=0');
    });

    it('sends no If-Match without a revision', async () => {
      const ne = await neutron();
      await ne.deletePort(PORT);
      expect(scripted.server.requests[0]!.headers['if-match']).toBeUndefined();
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
      expect((error as Error).message).toBe(messages.refusedUnsent('ifMatchRevision', 'be an integer ≥ 0', shown));
      expect(scripted.server.requests).toHaveLength(0);
    });
  });
});
