// The Neutron client on the wire, against a local capture server.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, NeutronApiError, TimeoutError } from '../src/index.js';
import { startCaptureServer, type CaptureServer, type Reply } from './support/capture-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
let server: CaptureServer;
afterEach(async () => server?.close());

async function setup(reply: Reply = { status: 204 }, timeoutMs?: number) {
  server = await startCaptureServer(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'keystone-SECRET', ...(timeoutMs && { timeoutMs }) });
}
const neutronError = (status: number, type: string, message = `${type} happened`): Reply => ({ status, body: { NeutronError: { type, message, detail: '' } } });

describe('deletePort', () => {
  it('DELETEs /v2.0/ports/{id} with X-Auth-Token and If-Match', async () => {
    const ne = await setup();
    await expect(ne.deletePort(PORT, { ifMatchRevision: 4 })).resolves.toEqual({ alreadyGone: false });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', path: `/v2.0/ports/${PORT}` });
    expect(server.requests[0]!.headers).toMatchObject({ 'x-auth-token': 'keystone-SECRET', 'if-match': 'revision_number=4' });
    expect(server.requests[0]!.body.length).toBe(0);
  });

  it('throws NeutronApiError with the exception type and the port', async () => {
    const ne = await setup(neutronError(409, 'ServicePortInUse', 'Port is a router interface'));
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 409, type: 'ServicePortInUse', portId: PORT });
    expect((error as Error).message).toBe(`DeletePort port ${PORT} failed: 409 ServicePortInUse (Port is a router interface)`);
  });

  it('reads Keystone’s 401 shape', async () => {
    const ne = await setup({ status: 401, body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } } });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ status: 401, type: 'Unauthorized', apiMessage: 'The request you have made requires authentication.' });
  });

  it('404 PortNotFound is an error, or "already gone" with ignoreMissing', async () => {
    const ne = await setup(neutronError(404, 'PortNotFound'));
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ status: 404, type: 'PortNotFound' });
    await expect(ne.deletePort(PORT, { ignoreMissing: true })).resolves.toEqual({ alreadyGone: true });
  });

  it('412 on a stale revision is not hidden by ignoreMissing', async () => {
    const ne = await setup(neutronError(412, 'RevisionNumberConstraintFailed'));
    await expect(ne.deletePort(PORT, { ignoreMissing: true, ifMatchRevision: 1 })).rejects.toMatchObject({ status: 412 });
  });

  it.each([
    ['not-a-uuid', {}, /portId must be a UUID .* \(got "not-a-uuid"\)/],
    [PORT, { ifMatchRevision: -1 }, /ifMatchRevision must be an integer ≥ 0 \(got -1\)/],
    [PORT, { ifMatchRevision: 1.5 }, /ifMatchRevision must be an integer ≥ 0/],
  ] as const)('refuses %s %j before sending', async (id, options, message) => {
    const ne = await setup();
    await expect(ne.deletePort(id, options)).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(message) });
    expect(server.requests).toHaveLength(0);
  });

  it('times out with a TimeoutError', async () => {
    const ne = await setup('hang', 100);
    await expect(ne.deletePort(PORT)).rejects.toBeInstanceOf(TimeoutError);
  });
});
