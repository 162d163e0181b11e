// How the stateful answer step dresses what it answers, as an operator reads it: the log line
// of each kind of answer (a delete, a version document, an accepted release, a dropped
// connection), the version documents' bodies (also for a request without a Host header), and a
// queued fault's headers.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { neutron, stateful, zenlayer } from './support.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const LINE_END = String.raw` \d+\.\dms$`;

function logged() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

/** One raw HTTP/1.0 request, which may leave out Host; the answer's body as JSON. */
function http10(port: number, head: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer in 5 s')));
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), body: body ? JSON.parse(body) : undefined });
    });
  });
}

describe('the log line of each stateful answer', () => {
  it('a Neutron port deleted: "204 deleted"', async () => {
    const { lines, log } = logged();
    const mock = await stateful({ api: 'neutron', log });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${PORT}`)).status).toBe(204);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^neutron DELETE /v2.0/ports/${PORT} DeletePort -> 204 deleted${LINE_END}`));
  });

  it('the Neutron version documents: their status, as any answer without a type', async () => {
    const { lines, log } = logged();
    const mock = await stateful({ api: 'neutron', log });
    await neutron(mock, 'GET', '/');
    await neutron(mock, 'GET', '/v2.0/');
    expect(lines[0]).toMatch(new RegExp(`^neutron GET / ListApiVersions -> 200 200${LINE_END}`));
    expect(lines[1]).toMatch(new RegExp(`^neutron GET /v2.0/ ListApiResources -> 200 200${LINE_END}`));
  });

  it('a Zenlayer release accepted: "200 accepted"', async () => {
    const { lines, log } = logged();
    const mock = await stateful({ api: 'zenlayer', log });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect(lines[0]).toMatch(new RegExp(`^zenlayer POST /api/v2/zec ReleaseDisk -> 200 accepted${LINE_END}`));
  });

  it('a connection dropped by a fault: "0 dropped"', async () => {
    const { lines, log } = logged();
    const mock = await stateful({ api: 'neutron', log });
    mock.fault({ operation: 'DeletePort', drop: true });
    await expect(neutron(mock, 'DELETE', `/v2.0/ports/${PORT}`)).rejects.toThrow();
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^neutron DELETE /v2.0/ports/${PORT} DeletePort -> 0 dropped${LINE_END}`));
  });
});

describe('the version documents', () => {
  it('the resources document names the port collection, linked on this mock', async () => {
    const mock = await stateful({ api: 'neutron' });
    const { status, body } = await neutron(mock, 'GET', '/v2.0/');
    expect(status).toBe(200);
    expect(body).toEqual({
      resources: [{ name: 'port', collection: 'ports', links: [{ rel: 'self', href: `${mock.url}/v2.0/ports` }] }],
    });
  });

  it('a request without a Host header (HTTP/1.0) gets links on 127.0.0.1', async () => {
    const mock = await stateful({ api: 'neutron' });
    const answer = await http10(mock.port, 'GET / HTTP/1.0');
    expect(answer).toEqual({
      status: 200,
      body: { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: 'http://127.0.0.1/v2.0/' }] }] },
    });
  });
});

describe('a queued status fault', () => {
  it('without retryAfter carries no Retry-After header', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    mock.fault({ operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED' });
    const limited = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    expect(limited).toMatchObject({ status: 429, body: { code: 'REQUEST_LIMIT_EXCEEDED' } });
    expect(limited.headers.get('retry-after')).toBeNull();
  });
});
