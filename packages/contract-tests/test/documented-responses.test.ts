// The contract: every documented response of every operation, through every client, from the
// mock. The cases come from the spec; a response added there is tested here untouched.

import { preferHeader } from '@cloud-release/mock';
import { describe, expect, inject, it } from 'vitest';
import { allClients } from './support/clients.js';
import { type Api, operations, schemaErrors } from './support/spec.js';

const urls: Record<Api, string> = { zenlayer: inject('zenlayerUrl'), neutron: inject('neutronUrl') };
const all = [...operations('zenlayer'), ...operations('neutron')];

it('derives cases for every operation of both specs', () => {
  expect(all.map((op) => op.operationId).sort()).toEqual([
    'DeletePort',
    'DestroyPort',
    'ReleaseDisk',
    'ReleaseInstances',
  ]);
  for (const op of all) expect(op.responses.length, op.operationId).toBeGreaterThan(1);
});

describe.each(allClients)('$name client', (client) => {
  describe.each(all)('$operationId', (op) => {
    it.each(op.responses)('$status $example', async (response) => {
      const prefer = preferHeader({ status: response.status, ...(response.example && { example: response.example }) });
      const outcome = await client.call(op, urls[op.api], prefer);

      expect(outcome.status).toBe(response.status);
      expect(outcome.surfaced).toBe(client.expectedSurface(response.status));
      expect(outcome.body).toEqual(response.value);
      if (response.schemaPointer) expect(schemaErrors(op.api, response.schemaPointer, outcome.body)).toEqual([]);
      client.verify?.(outcome, response);
    });
  });
});
