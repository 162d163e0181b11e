// The Neutron client on the wire, against a local capture server.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, NetworkError, NeutronApiError, TimeoutError } from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
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
      `DeletePort port ${PORT} failed: 409 ServicePortInUse (Port is a router interface)`,
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
    ['not-a-uuid', {}, /portId must be a UUID .* \(got "not-a-uuid"\)/],
    [PORT, { ifMatchRevision: -1 }, /ifMatchRevision must be an integer ≥ 0 \(got -1\)/],
    [PORT, { ifMatchRevision: 1.5 }, /ifMatchRevision must be an integer ≥ 0/],
    [PORT, { ifMatchRevision: '3' }, /ifMatchRevision must be an integer ≥ 0 \(got "3"\)/],
    ['', {}, /portId must be a UUID .* \(got ""\)/],
    [42, {}, /portId must be a UUID .* \(got 42\)/],
  ] as const)('refuses %s %j before sending', async (id, options, message) => {
    const ne = await setup();
    await expect(ne.deletePort(id as string, options as object)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(message),
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
    expect((error as Error).message).toBe(`DeletePort port ${PORT} failed: 502 without an error type (Bad Gateway)`);
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
    expect(error).toMatchObject({ message: `DeletePort port ${PORT}: no answer within 100 ms`, timeoutMs: 100 });
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError', message: 'no answer within 100 ms' });
  });
});
