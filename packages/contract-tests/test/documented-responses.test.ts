// The contract: every documented response of every operation, through every client, from the
// mock. The cases come from the spec; a response added there is tested here untouched.

import { preferHeader } from '@cloud-release/mock';
import { describe, expect, inject, it } from 'vitest';
import { allClients, NOT_CALLED_BY_CLOUD_RELEASE } from './support/clients.js';
import { type Api, operations, schemaErrors } from './support/spec.js';

const urls: Record<Api, string> = { zenlayer: inject('zenlayerUrl'), neutron: inject('neutronUrl') };
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
    it.each(op.responses)('$status $example', async (response) => {
      const prefer = preferHeader({ status: response.status, ...(response.example && { example: response.example }) });
      const outcome = await client.call(op, urls[op.api], prefer);

      expect(outcome.status).toBe(response.status);
      expect(outcome.surfaced).toBe(client.expectedSurface(response.status));
      expect(outcome.body).toEqual(withWireRequestId(response.value, outcome.body));
      if (response.schemaPointer) expect(schemaErrors(op.api, response.schemaPointer, outcome.body)).toEqual([]);
      client.verify?.(outcome, response);
    });
  });
});
