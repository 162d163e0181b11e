// The journal cannot grow the mock from outside: a refused request journals no ids, whatever
// its body, and GET /__mock/requests reports the journal's bound (entries and bytes), what it
// holds in bytes and how many lines it dropped.
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/body.js';
import { JOURNAL_BYTE_LIMIT, JOURNAL_LIMIT } from '../../src/control/journal.js';
import { control, statefulInProcess } from './support.js';

const BODIES = 30;

describe('1 MiB bodies without credentials, to a mock that wants a bearer token', () => {
  it('each is a 401 journaled in a few hundred bytes, with no ids; the bound is on GET /__mock/requests', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', bearerTokens: ['the-token'] });
    // Just under the body limit, so each is read whole: one id of about 1 MiB.
    const body = JSON.stringify({ instanceIds: ['i'.repeat(BODY_LIMIT_BYTES - 40)] });
    for (let n = 0; n < BODIES; n++) {
      const response = await mock(`${mock.url}/api/v2/vm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zc-action': 'ReleaseInstances' },
        body,
      });
      expect(response.status).toBe(401);
      await response.arrayBuffer();
    }
    // The mock is locked: its control plane takes the API's bearer token.
    const journal = await control(mock, 'GET', 'requests', undefined, { authorization: 'Bearer the-token' });
    expect(journal.status).toBe(200);
    expect(journal.body).toMatchObject({ limit: { entries: JOURNAL_LIMIT, bytes: JOURNAL_BYTE_LIMIT }, dropped: 0 });
    expect(journal.body.requests).toHaveLength(BODIES);
    expect(
      new Set(journal.body.requests.map((r: { ids: string[]; status: number }) => `${r.status} ${r.ids.length}`)),
    ).toEqual(new Set(['401 0']));
    expect(journal.body.bytes).toBeLessThan(BODIES * 400);
  });
});
