// What the journal says a request named, and how a bad body is answered, as a consumer's test
// reads them: GET /__mock/requests (mock.requests()) after its script ran. A request that is
// refused is still journaled with the ids it named, so "released exactly these, once each"
// can also be asserted about what the script tried.
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/body.js';
import { JOURNAL_BYTE_LIMIT, JOURNAL_LIMIT, Journal, MAX_JOURNALED_CHARS } from '../../src/control/journal.js';
import { signedAction } from '../support/mocks.js';
import { statefulInProcess } from './support.js';

const EMPTY = 'Request body is empty; expected a JSON object.';

async function release(body: string, headers: Record<string, string> = {}) {
  const mock = await statefulInProcess({ api: 'zenlayer' });
  const response = await signedAction(mock, mock.url, 'ReleaseInstances', body, headers);
  const answer = (await response.json()) as { code?: string; message?: string };
  return { status: response.status, answer, journal: mock.requests() };
}

describe('the ids a journal line names', () => {
  it('takes the ids of a request that passed validation, as sent', async () => {
    const { journal } = await release('{"instanceIds":["i-1","i-2"]}');
    expect(journal).toMatchObject([{ operation: 'ReleaseInstances', ids: ['i-1', 'i-2'], status: 200 }]);
  });

  it.each([
    ['a key the operation does not document, ending in Ids', '{"instanceIds":["i-1"],"notMyIds":["x-1"]}'],
    ['an id that is not a string', '{"instanceIds":["i-1",2]}'],
  ])('names none for %s (the request is a 400)', async (_, body) => {
    const { journal } = await release(body);
    expect(journal).toMatchObject([{ operation: 'ReleaseInstances', ids: [], status: 400 }]);
  });

  it('names none for a request refused before validation (a 401), whatever its body holds', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', bearerTokens: ['right'], credentials: { AK1: 'pw' } });
    const response = await mock(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong', 'x-zc-action': 'ReleaseInstances', 'content-type': 'application/json' },
      body: JSON.stringify({ instanceIds: ['i-secret'] }),
    });
    expect(response.status).toBe(401);
    expect(mock.requests()).toMatchObject([{ operation: 'ReleaseInstances', ids: [], status: 401 }]);
  });

  it(`cuts an id longer than ${MAX_JOURNALED_CHARS} characters there, with '…'`, async () => {
    const long = 'i'.repeat(100_000);
    const { journal } = await release(JSON.stringify({ instanceIds: [long, 'i-2'] }));
    expect(journal[0]!.ids).toEqual([`${'i'.repeat(MAX_JOURNALED_CHARS)}…`, 'i-2']);
  });

  it.each([
    ['null', 'null', 'INVALID_PARAMETER_TYPE', 'Request body must be a JSON object (got null).'],
    ['an array', '[]', 'INVALID_PARAMETER_TYPE', 'Request body must be a JSON object (got array).'],
    ['empty', '', 'MISSING_PARAMETER', EMPTY],
    ['only whitespace', ' \n ', 'MISSING_PARAMETER', EMPTY],
  ])('a body that is %s: no ids, a 400 %s saying so', async (_, body, code, message) => {
    const { status, answer, journal } = await release(body);
    expect([status, answer.code, answer.message]).toEqual([400, code, message]);
    expect(journal).toMatchObject([{ ids: [], status: 400, code }]);
  });

  it('a body that is not JSON: no ids, a 400 naming the parse error', async () => {
    const { answer, journal } = await release('{not json');
    expect(answer.code).toBe('INVALID_PARAMETER_VALUE');
    expect(answer.message).toMatch(/^Request body is not valid JSON: \S.+\.$/);
    expect(journal).toMatchObject([{ ids: [], status: 400 }]);
  });

  it('a body one byte over the limit: not read, a 400 naming its size and the limit, no ids', async () => {
    const body = `{"instanceIds":["i-1"]}${' '.repeat(BODY_LIMIT_BYTES - 22)}`;
    expect(Buffer.byteLength(body)).toBe(BODY_LIMIT_BYTES + 1);
    const { answer, journal } = await release(body);
    // The limit's wording is pinned in request-body.test.ts.
    expect(answer.code).toBe('INVALID_PARAMETER_EXCEED_LENGTH');
    expect(journal).toMatchObject([{ ids: [], status: 400, code: 'INVALID_PARAMETER_EXCEED_LENGTH' }]);
  });

  it('a body of exactly the limit is read: its ids are journaled and it is answered on its merits', async () => {
    const body = `{"instanceIds":["i-1"]}${' '.repeat(BODY_LIMIT_BYTES - 23)}`;
    expect(Buffer.byteLength(body)).toBe(BODY_LIMIT_BYTES);
    const { answer, journal } = await release(body);
    expect(answer.code).not.toBe('INVALID_PARAMETER_EXCEED_LENGTH');
    expect(journal).toMatchObject([{ ids: ['i-1'] }]);
  });

  it('reads the media type case-insensitively, without its parameters', async () => {
    const lower = await release('{"instanceIds":["i-1"]}');
    const upper = await release('{"instanceIds":["i-1"]}', { 'content-type': ' Application/JSON ; charset=utf-8' });
    expect(upper.status).toBe(lower.status);
    expect(upper.answer.code).toBe(lower.answer.code);
  });

  it('keeps the query in the path, and has no request id for the mock’s own 418', async () => {
    const neutron = await statefulInProcess({ api: 'neutron' });
    await neutron(`${neutron.url}/v2.0/ports?name=web`, { headers: { 'x-auth-token': 't' } });
    expect(neutron.requests()).toMatchObject([{ path: '/v2.0/ports?name=web', operation: 'ListPorts', status: 200 }]);
    const { status, journal } = await release('{"instanceIds":["i-1"]}', { prefer: 'code=299' });
    expect(status).toBe(418);
    expect(journal).toMatchObject([{ ids: [], status: 418, code: null, requestId: null }]);
  });
});

describe('the journal’s bound', () => {
  // Driven directly: 110,001 requests over HTTP would take minutes. What a reader sees is the same
  // list GET /__mock/requests returns.
  const incoming = (n: number) =>
    ({ method: 'POST', rawPath: `/r/${n}`, rawQuery: '', body: { kind: 'ok', bytes: Buffer.alloc(0) } }) as never;
  const answer = { status: 200, body: {} } as never;

  it('keeps the newest 100,000 lines, and counts the ones it dropped', () => {
    expect(JOURNAL_LIMIT).toBe(100_000);
    const journal = new Journal();
    for (let n = 1; n <= 100_000; n++) journal.record(incoming(n), answer);
    expect(journal.list()).toHaveLength(100_000);
    expect(journal.bounds().dropped).toBe(0);
    for (let n = 100_001; n <= 160_001; n++) journal.record(incoming(n), answer);
    const lines = journal.list();
    expect(lines).toHaveLength(100_000);
    expect(lines[0]!.path).toBe('/r/60002');
    expect(lines.at(-1)!.path).toBe('/r/160001');
    expect(journal.bounds()).toMatchObject({ limit: { entries: 100_000, bytes: JOURNAL_BYTE_LIMIT }, dropped: 60_001 });
    // Counting and finding read the lines kept, not the dropped ones.
    expect(journal.count(() => true)).toBe(100_000);
    expect(journal.count((line) => line.path === '/r/60001')).toBe(0);
    expect(journal.list((line) => line.path.startsWith('/r/6000'))).toHaveLength(8);
  });

  it('keeps its lines within its byte limit, the newest kept', () => {
    const journal = new Journal({ entries: 1000, bytes: 10_000 });
    for (let n = 1; n <= 500; n++) journal.record(incoming(n), answer);
    const { bytes, dropped } = journal.bounds();
    const kept = journal.list();
    expect(bytes).toBe(kept.reduce((sum, line) => sum + Buffer.byteLength(JSON.stringify(line)), 0));
    expect(bytes).toBeLessThanOrEqual(10_000);
    expect(kept.length + dropped).toBe(500);
    expect(kept.at(-1)!.path).toBe('/r/500');
  });
});
