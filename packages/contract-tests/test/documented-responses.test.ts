// The contract: every documented response of every operation, through every client, from the
// mock through each way in (its server, createMockFetch, MSW handlers), and the same answer
// from each. The cases come from the spec; a response added there is tested here untouched.

import { preferHeader } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { allClients, NOT_CALLED_BY_CLOUD_RELEASE } from './support/clients.js';
import { operations, schemaErrors } from './support/spec.js';
import { answerHeaders, recording, sameIds, waysIn } from './support/ways-in.js';

const ways = waysIn();
const all = [...operations('zenlayer'), ...operations('neutron')];

it('derives cases for every operation of both specs', () => {
  expect(all.map((op) => op.operationId).sort()).toEqual([
    'DeletePort',
    'DescribeDisks',
    'DescribeInstances',
    'DescribePorts',
    'DestroyPort',
    'ListApiResources',
    'ListApiVersions',
    'ListPorts',
    'ReleaseDisk',
    'ReleaseInstances',
    'ShowPort',
    'TerminateInstance',
    'TerminatePort',
  ]);
  for (const op of all) expect(op.responses.length, op.operationId).toBeGreaterThan(0);
});

// Nothing is skipped silently: each client says which operations it calls, and this is the list.
it('runs every operation through both generated clients, and the releases and their companions through @cloud-release/client', () => {
  const covered = Object.fromEntries(
    allClients.map((c) => [c.name, all.filter((op) => c.supports(op)).map((op) => op.operationId)]),
  );
  expect(covered['openapi-fetch']).toHaveLength(all.length);
  expect(covered['typescript-fetch']).toHaveLength(all.length);
  expect(covered['@cloud-release/client']).toHaveLength(all.length - NOT_CALLED_BY_CLOUD_RELEASE.length);
  expect(covered['@cloud-release/client']).toEqual(expect.arrayContaining(['DeletePort', 'DescribePorts', 'ShowPort']));
});

/** The example with the request id the mock actually sent (fresh per answer, in Zenlayer's format). */
function withWireRequestId(expected: unknown, body: unknown): unknown {
  const requestId = (expected as { requestId?: string } | undefined)?.requestId;
  if (!requestId) return expected;
  const sent = (body as { requestId?: string }).requestId;
  expect(sent).toMatch(/^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  expect(sent).not.toBe(requestId);
  const { response } = expected as { response?: object };
  return { ...(expected as object), requestId: sent, ...(response && { response: { ...response, requestId: sent } }) };
}

describe.each(allClients)('$name client', (client) => {
  describe.each(all.filter((op) => client.supports(op)))('$operationId', (op) => {
    it.each(op.responses)('$status $example, through every way in alike', async (response) => {
      const prefer = preferHeader({ status: response.status, ...(response.example && { example: response.example }) });
      const noticed: Record<string, unknown> = {};
      for (const way of ways) {
        const { fetch, seen } = recording(way.fetch);
        const outcome = await client.call(op, { baseUrl: way.urls[op.api], fetch }, prefer);

        expect(outcome.status, way.name).toBe(response.status);
        expect(outcome.surfaced, way.name).toBe(client.expectedSurface(response.status));
        expect(outcome.body, way.name).toEqual(withWireRequestId(response.value, outcome.body));
        if (response.schemaPointer) expect(schemaErrors(op.api, response.schemaPointer, outcome.body)).toEqual([]);
        client.verify?.(outcome, response);
        noticed[way.name] = {
          status: outcome.status,
          headers: answerHeaders(seen.response!.headers),
          body: sameIds(JSON.stringify(outcome.body) ?? ''),
        };
      }
      expect(noticed.createMockFetch).toEqual(noticed.server);
      expect(noticed.msw).toEqual(noticed.server);
    });
  });
});
