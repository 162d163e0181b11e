// What Prism's part of an answer looks like to a client: the documented example and no other,
// the mock's 418 in plain words when no documented answer fits, and not a line printed.
import { createRequire } from 'node:module';
import { startMock } from '@cloud-release/mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrism } from '../src/prism.js';
import { PORT_ID, start } from './support/mocks.js';
import { specFile } from './support/spec-file.js';

// Prism loads here, within the hook's time limit, not inside the first test's: the built mock's
// (at its first start) and src/'s (createPrism below) are separate copies, each seconds to load
// on a busy machine.
beforeAll(async () => {
  const warm = await startMock({ api: 'neutron' });
  await Promise.all([warm.close(), import('../src/prism-request-path.js')]);
});

const listPorts = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/v2.0/ports`, { headers: { 'x-auth-token': 't', ...headers } });

/** The mock's 418 for a request no documented answer fits. */
const unanswerable = async (response: Response, detail: string) => {
  expect(response.status).toBe(418);
  expect(response.headers.get('x-cloud-release-mock-error')).toBe('unanswerable');
  expect(await response.json()).toEqual({
    type: 'urn:cloud-release:mock-error:unanswerable',
    title: 'No documented answer',
    detail: `The mock could not pick a documented answer: ${detail}`,
  });
};
const deletePort = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: { 'x-auth-token': 't', ...headers } });

describe('examples mode answers the documented example', () => {
  it('the same body on every call, the spec’s example port', async () => {
    const mock = await start({ api: 'neutron' });
    const first = await (await listPorts(mock.url)).json();
    expect(first).toMatchObject({
      ports: [{ id: PORT_ID, name: 'web-1-port', network_id: 'a87cc70a-3e15-4acf-8205-9b711a3531b7' }],
    });
    expect(await (await listPorts(mock.url)).json()).toEqual(first);
  });

  it('an example Prefer names is logged by its name', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'neutron', log: (line) => lines.push(line) });
    expect((await listPorts(mock.url, { prefer: 'example=one' })).status).toBe(200);
    expect((await listPorts(mock.url)).status).toBe(200);
    expect(lines.map((line) => line.replace(/ [\d.]+ms$/, ''))).toEqual([
      'neutron GET /v2.0/ports ListPorts -> 200 one',
      'neutron GET /v2.0/ports ListPorts -> 200 200',
    ]);
  });
});

describe('no documented answer fits: the mock’s 418, in words and without Prism’s links', () => {
  it('an Accept no answer has', async () => {
    const mock = await start({ api: 'neutron' });
    await unanswerable(await listPorts(mock.url, { accept: 'text/html' }), 'Unable to find content for text/html');
  });

  it('an Accept that the status Prefer asks for does not have, nor the fallback Prism tried', async () => {
    const mock = await start({ api: 'neutron' });
    const notAcceptable = 'NOT_ACCEPTABLE The server cannot produce a representation for your accept header';
    await unanswerable(
      await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
        headers: { 'x-auth-token': 't', accept: 'text/html', prefer: 'code=404' },
      }),
      `${notAcceptable}. We tried default response, but we got ${notAcceptable}`,
    );
  });
});

describe('Prism is silent', () => {
  it('answering, valid or not, it writes nothing to stdout or stderr', async () => {
    // Prism's logger (pino) writes to the file descriptors directly, not through process.stdout.
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const writes: string[] = [];
    const writeSync = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) writes.push(String(data));
      return (writeSync as (...args: unknown[]) => number).call(fs, fd, data, ...rest);
    }) as typeof fs.writeSync);
    try {
      const prism = await createPrism(specFile('neutron'));
      const request = { method: 'get' as const, url: { path: '/v2.0/ports', query: { name: ['a', 'b'] } } };
      expect((await prism.answer(request, {})).kind).toBe('invalid');
      expect((await prism.answer({ ...request, url: { path: '/v2.0/ports' } }, {})).kind).toBe('response');
    } finally {
      spy.mockRestore();
    }
    expect(writes).toEqual([]);
  });
});

describe('Prefer is answered as asked, or not at all', () => {
  // Prism fell back to the 204 success here: a client asking for 404 was told the port was deleted.
  it('Neutron: a DELETE asking for 404 with an Accept the 404 has not is the mock’s 418, not a 204', async () => {
    const mock = await start({ api: 'neutron' });
    await unanswerable(
      await deletePort(mock.url, { accept: 'text/html', prefer: 'code=404' }),
      'Prefer asked for status 404, whose documented answer this request does not accept (see its Accept header); Prism would have answered 204 instead.',
    );
  });

  it('the same DELETE asking for 404 with an Accept the 404 has is the 404', async () => {
    const mock = await start({ api: 'neutron' });
    const response = await deletePort(mock.url, { accept: 'application/json', prefer: 'code=404' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ NeutronError: { type: 'PortNotFound' } });
  });
});
