// The Neutron client at its edges, as a caller sees them: a delete answered with a 200, the
// body limit, a show whose port is null, a list with no filter or a bad id among good ones.
import { describe, expect, it } from 'vitest';
import { createNeutronClient, NeutronApiError, OutcomeUnknownError, ValidationError } from '../src/index.js';
import type { Reply } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const servers = serverPerTest();

async function neutron(reply: Reply, extra: object = {}) {
  const server = await servers.start(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'tok', ...extra });
}

describe('deletePort', () => {
  it('a 200 is not the documented 204: an unknown outcome naming the operation, the port and what was expected', async () => {
    const ne = await neutron({ status: 200, body: { port: { id: PORT } } });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({
      operation: 'DeletePort',
      ids: [PORT],
      status: 200,
      reason: 'unexpected-answer',
      message: `DeletePort port ${PORT}: 200 answer is not 204 No Content; the outcome is unknown`,
    });
  });
});

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
    expect((error as Error).message).toBe('maxResponseBytes must be an integer ≥ 1 (got 0)');
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
      message: `ShowPort port ${PORT}: 200 answer is not {"port": {…}}; the outcome is unknown`,
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
      message: 'ListPorts ports failed: 403 PolicyNotAuthorized (not allowed) [requestId req-9]',
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
    expect((error as Error).message).toBe(`DeletePort port ${PORT} failed: 409 ServicePortInUse (busy)`);
  });

  it('made by a caller without an operation (a test double), it is about DeletePort', () => {
    const error = new NeutronApiError(PORT, 404, 'PortNotFound', 'gone');
    expect(error).toMatchObject({ operation: 'DeletePort', outcome: 'refused', status: 404, code: 'PortNotFound' });
    expect(error.message).toBe(`DeletePort port ${PORT} failed: 404 PortNotFound (gone)`);
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
    expect((error as Error).message).toBe(`DeletePort port ${PORT} failed: 409 without an error type (Conflict)`);
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
