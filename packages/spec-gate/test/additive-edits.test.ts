// Additive edits pass the gate; the gate still lists them, so a reviewer sees what grew.
import { describe, expect, it } from 'vitest';
import { addHeader, type Spec, verdictOf } from './edits.js';

const diskNotFound = (s: Spec) => s.paths['/api/v2/zec'].post.responses['404'].content['application/json'];

describe('zenlayer.yaml: an additive edit passes', () => {
  it.each([
    [
      'a new optional request field',
      (s: Spec) => (s.components.schemas.ReleaseDiskBody.properties.force = { type: 'boolean' }),
      'ReleaseDisk (POST /api/v2/zec) request body: optional request field force added',
    ],
    [
      // openapi-diff alone calls this breaking (the response admits more); see the README.
      'a new optional response field',
      (s: Spec) => (s.components.schemas.AcceptedEnvelope.properties.requestedAt = { type: 'string' }),
      'ReleaseDisk (POST /api/v2/zec) response 200: optional response field requestedAt added',
    ],
    [
      'a new error code example (its code in the enum, its named example)',
      (s: Spec) => {
        s.components.schemas.DiskNotFoundCode.enum.push('INVALID_DISK_ID_NOT_FOUND');
        diskNotFound(s).examples.INVALID_DISK_ID_NOT_FOUND = {
          value: {
            requestId: 'T52617F2F-0009-4000-8000-000000000404',
            code: 'INVALID_DISK_ID_NOT_FOUND',
            message: 'No disk.',
          },
        };
      },
      'ReleaseDisk (POST /api/v2/zec) response 404: code: enum value "INVALID_DISK_ID_NOT_FOUND" added',
    ],
    [
      'a new operation on a companion path',
      (s: Spec) => {
        s.paths['/api/v2/vm#DescribeInstances'] = structuredClone(s.paths['/api/v2/vm']);
        s.paths['/api/v2/vm#DescribeInstances'].post.operationId = 'DescribeInstances';
      },
      'DescribeInstances (POST /api/v2/vm#DescribeInstances): operation added',
    ],
    [
      'a new optional header parameter',
      (s: Spec) => addHeader(s, '/api/v2/sdn', 'X-ZC-Trace', false),
      'DestroyPort (POST /api/v2/sdn): new optional header parameter X-ZC-Trace',
    ],
    [
      'a new documented status',
      (s: Spec) => (s.paths['/api/v2/zec'].post.responses['409'] = s.paths['/api/v2/zec'].post.responses['404']),
      'ReleaseDisk (POST /api/v2/zec): response 409 added',
    ],
    [
      'a raised maxItems (the request widens)',
      (s: Spec) => (s.components.schemas.ReleaseInstancesBody.properties.instanceIds.maxItems = 200),
      undefined,
    ],
  ])('%s', async (_name, edit, line) => {
    const { breaking, additive } = await verdictOf('zenlayer.yaml', edit);
    expect(breaking).toEqual([]);
    if (line !== undefined) expect(additive.map((l) => l.replace(/ \[.*\]$/, ''))).toContain(line);
  });

  it('an unchanged spec has no finding at all', async () => {
    expect(await verdictOf('zenlayer.yaml', () => {})).toEqual({ breaking: [], additive: [] });
  });
});

describe('neutron.yaml: an additive edit passes', () => {
  it('a request pattern widened so that it accepts all it accepted (If-Match read as an etag list)', async () => {
    const etagList = '^\\s*(\\*|(W/)?("[^"]*"|[^\\s",]+))(\\s*,\\s*(\\*|(W/)?("[^"]*"|[^\\s",]+)))*\\s*$';
    const { breaking, additive } = await verdictOf('neutron.yaml', (s: Spec) => {
      s.paths['/v2.0/ports/{port_id}'].delete.parameters[1].schema.pattern = etagList;
    });
    expect(breaking).toEqual([]);
    expect(additive.map((l) => l.replace(/ \[.*\]$/, ''))).toContain(
      `DeletePort (DELETE /v2.0/ports/{port_id}) header parameter If-Match: the value: pattern widened to ${JSON.stringify(etagList)}`,
    );
  });

  it('a new error type example on the 409', async () => {
    const { breaking, additive } = await verdictOf('neutron.yaml', (s: Spec) => {
      s.components.schemas.ConflictDetail.properties.type.enum.push('PortBindingInUse');
      s.paths['/v2.0/ports/{port_id}'].delete.responses['409'].content['application/json'].examples.PortBindingInUse = {
        value: { NeutronError: { type: 'PortBindingInUse', message: 'In use.', detail: '' } },
      };
    });
    expect(breaking).toEqual([]);
    expect(additive.map((l) => l.replace(/ \[.*\]$/, ''))).toContain(
      'DeletePort (DELETE /v2.0/ports/{port_id}) response 409: NeutronError.type: enum value "PortBindingInUse" added',
    );
  });
});
