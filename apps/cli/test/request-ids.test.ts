// A requestId answered twice in one run is suspicious: no real API repeats one, but a plain
// `prism mock spec/zenlayer.yaml` serves the example's id to every request. The run warns on
// stderr, names it in --json, and marks the journal line of each repeat.
import { expect, it } from 'vitest';
import { release } from './support/release-runs.js';
import { journalLines, many, runFixture } from './support/zenlayer.js';

const { server, journalPath } = runFixture('request-ids');

/** Answers every request as Prism's example does: 200, always the same requestId. */
const prismLike = () =>
  server((_req, _body, res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ requestId: 'T-EXAMPLE', response: { requestId: 'T-EXAMPLE' } })),
  );

it('the same requestId on every batch: one warning, repeatedRequestIds in --json, and the journal marks each repeat', async () => {
  const s = await prismLike();
  const path = journalPath();
  const r = await release(s, [...many(250, 'p'), '--json', '--journal', path]);
  expect(r.code).toBe(0);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: '))).toEqual([
    'warning: requestId T-EXAMPLE was answered twice in this run; no real API repeats one (is the endpoint a plain mock?)',
  ]);
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, repeatedRequestIds: ['T-EXAMPLE'] });
  const outcomes = journalLines(path).filter((l) => l.event === 'outcome');
  expect(outcomes).toHaveLength(3);
  expect(outcomes.filter((l) => l.repeatedRequestId === true)).toHaveLength(2);
});

it('fresh requestIds: no warning, no field', async () => {
  let n = 0;
  const s = await server((_req, _body, res) => {
    const requestId = `T-${++n}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ requestId, response: { requestId } }));
  });
  const r = await release(s, [...many(150, 'q'), '--json', '--journal', journalPath()]);
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain('warning:');
  expect(JSON.parse(r.stdout).repeatedRequestIds).toBeUndefined();
});

it('a repeat on a failed run is in its --json account too', async () => {
  let n = 0;
  const s = await server((_req, _body, res) => {
    const status = ++n === 1 ? 200 : 403;
    const body = status === 200 ? { response: {} } : { code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', message: 'no' };
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: 'T-SAME', ...body }));
  });
  const r = await release(s, [...many(150, 'f'), '--json', '--journal', journalPath()]);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, repeatedRequestIds: ['T-SAME'] });
});
