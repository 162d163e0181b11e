// Faults that break the connection, as a client meets them over real HTTP: `reset` (half the
// answer, then a TCP reset), `empty` (closed without a byte) and `malformed` (a 200 whose body is
// not JSON). Each is made after the action was applied, so the inventory has moved: the client
// cannot tell, and must read to learn the outcome. Seen byte by byte on a socket, and by fetch.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { control, neutron, stateful, zenlayer } from './support.js';

const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const RECYCLED = { resources: [{ type: 'instance', id: 'i-a', status: 'RECYCLE' }] };

/** Everything the mock sends back for one raw request, and how the connection ended. */
function exchange(url: string, request: string) {
  return new Promise<{ text: string; ending: string }>((resolve) => {
    const { port, hostname } = new URL(url);
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ text, ending: error.code ?? 'error' }));
    socket.on('close', () => resolve({ text, ending: 'closed' }));
    socket.write(request);
  });
}

/** ReleaseInstances of i-a, as bytes (the connection kept open, so only the mock can end it). */
const releaseBytes = () => {
  const body = '{"instanceIds":["i-a"]}';
  return [
    'POST /api/v2/vm HTTP/1.1',
    'host: mock',
    'content-type: application/json',
    'authorization: Bearer t',
    'x-zc-action: ReleaseInstances',
    `content-length: ${body.length}`,
    '',
    body,
  ].join('\r\n');
};

const released = async (mock: { url: string }) =>
  (await control(mock, 'GET', 'resources')).body.resources.map((r: { status: string }) => r.status);

describe('reset: the head and half the body, then the connection reset', () => {
  it('on the socket: a status line and headers that promise more than comes, then the end', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', fault: 'reset' });
    const { text, ending } = await exchange(mock.url, releaseBytes());
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const [head, body = ''] = text.split('\r\n\r\n');
    const promised = Number(/content-length: (\d+)/i.exec(head!)![1]);
    expect(body.length).toBeLessThan(promised);
    expect(body.length).toBeGreaterThan(0);
    // The reset ends the connection; a client that had not read the bytes yet sees them end short.
    expect(['ECONNRESET', 'closed']).toContain(ending);
    expect(await released(mock)).toEqual(['RELEASING']);
    expect(mock.requests()).toMatchObject([
      { operation: 'ReleaseInstances', ids: ['i-a'], status: null, code: 'reset', requestId: null, fault: 'reset' },
    ]);
  });

  it('fetch: a 200 whose body cannot be read (a 204 has no body: fetch itself fails)', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', fault: 'reset' });
    const response = await fetch(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': 'ReleaseInstances' },
      body: '{"instanceIds":["i-a"]}',
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(TypeError);
    await expect(zenlayer(mock, 'DescribeInstances', {})).resolves.toMatchObject({ status: 200 });
    const ports = await stateful({ api: 'neutron', seed: { resources: [{ id: PORT_ID }] } });
    ports.fault({ operation: 'DeletePort', fault: 'reset' });
    await expect(neutron(ports, 'DELETE', `/v2.0/ports/${PORT_ID}`)).rejects.toThrow(/fetch failed/);
    expect(ports.resources()).toEqual([]);
    expect(ports.requests()).toMatchObject([{ operation: 'DeletePort', status: null, code: 'reset', fault: 'reset' }]);
  });
});

describe('empty: the connection closed without a byte', () => {
  it('on the socket: nothing, then the end; the action was applied', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', fault: 'empty' });
    expect(await exchange(mock.url, releaseBytes())).toEqual({ text: '', ending: 'closed' });
    expect(await released(mock)).toEqual(['RELEASING']);
    expect(mock.requests()).toMatchObject([
      { operation: 'ReleaseInstances', status: null, code: 'dropped', requestId: null, fault: 'empty' },
    ]);
  });

  it('fetch fails', async () => {
    const mock = await stateful({ api: 'neutron' });
    mock.fault({ fault: 'empty' });
    await expect(neutron(mock, 'GET', '/v2.0/ports')).rejects.toThrow(/fetch failed/);
    expect((await neutron(mock, 'GET', '/v2.0/ports')).status).toBe(200);
  });
});

describe('malformed: a 200 whose body is not JSON', () => {
  it('on the socket: a whole answer, its Content-Length kept, the body half a JSON object', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', fault: 'malformed' });
    const { text } = await exchange(mock.url, `${releaseBytes().replace('HTTP/1.1', 'HTTP/1.0')}`);
    const [head, body = ''] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toMatch(/\r\ncontent-type: application\/json\r\n/i);
    expect(Number(/content-length: (\d+)/i.exec(head!)![1])).toBe(Buffer.byteLength(body));
    expect(body).toMatch(/^\{"requestId":"T/);
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
    expect(await released(mock)).toEqual(['RELEASING']);
    expect(mock.requests()).toMatchObject([
      { operation: 'ReleaseInstances', status: 200, code: 'malformed', requestId: null, fault: 'malformed' },
    ]);
  });

  it('fetch: status 200, and the body fails JSON.parse; an answer without a body gets "{"', async () => {
    const mock = await stateful({ api: 'neutron', seed: { resources: [{ id: PORT_ID }] } });
    mock.fault({ operation: 'DeletePort', fault: 'malformed' });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 'token-a' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{');
    expect(mock.resources()).toEqual([]);
  });
});

it('the log line says what the client got after what was applied', async () => {
  const lines: string[] = [];
  const mock = await stateful({ api: 'neutron', log: (line) => lines.push(line) });
  mock.fault({ fault: 'reset' }, { fault: 'empty' }, { fault: 'malformed' });
  for (let i = 0; i < 3; i++) await neutron(mock, 'GET', '/v2.0/ports').catch(() => undefined);
  expect(lines.map((l) => l.replace(/ [\d.]+ms$/, ''))).toEqual([
    'neutron GET /v2.0/ports ListPorts -> 0 reset after 200 200',
    'neutron GET /v2.0/ports ListPorts -> 0 empty after 200 200',
    'neutron GET /v2.0/ports ListPorts -> 200 malformed after 200 200',
  ]);
});
