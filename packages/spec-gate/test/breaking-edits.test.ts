// Each known breaking edit fails the gate with a line naming the change.
import { describe, expect, it } from 'vitest';
import { compareSpecs } from '../src/gate.js';
import { addHeader, edited, type Spec, verdictOf } from './edits.js';

const vmBody = (s: Spec) => s.components.schemas.ReleaseInstancesBody;
const port = (s: Spec) => s.paths['/v2.0/ports/{port_id}'].delete;

describe('zenlayer.yaml: a breaking edit is refused, naming the change', () => {
  it.each([
    [
      'removing an operation',
      (s: Spec) => delete s.paths['/api/v2/zec'],
      'ReleaseDisk (POST /api/v2/zec): operation removed',
    ],
    [
      'removing a response field',
      (s: Spec) => {
        delete s.components.schemas.AcceptedEnvelope.properties.requestId;
        s.components.schemas.AcceptedEnvelope.required = ['response'];
      },
      'ReleaseInstances (POST /api/v2/vm) response 200: response field requestId removed',
    ],
    [
      'making a response field optional',
      (s: Spec) => (s.components.schemas.AcceptedEnvelope.required = ['response']),
      'ReleaseDisk (POST /api/v2/zec) response 200: response field requestId may now be missing',
    ],
    [
      'removing a response enum value (an error code)',
      (s: Spec) => (s.components.schemas.DiskNotFoundCode.enum = ['INVALID_DISK_NOT_FOUND']),
      'ReleaseDisk (POST /api/v2/zec) response 404: code: enum value "OPERATION_FAILED_RESOURCE_NOT_FOUND" removed',
    ],
    [
      'making a request field required',
      (s: Spec) => {
        s.components.schemas.ReleaseDiskBody.properties.force = { type: 'boolean' };
        s.components.schemas.ReleaseDiskBody.required.push('force');
      },
      'ReleaseDisk (POST /api/v2/zec) request body: request field force is now required',
    ],
    [
      'narrowing a request enum (a header)',
      (s: Spec) => (s.components.parameters.XZcSignatureMethod.schema.enum = ['ZC3-HMAC-SHA256']),
      'DestroyPort (POST /api/v2/sdn) header parameter X-ZC-Signature-Method: the value: enum value "ZC2-HMAC-SHA256" removed',
    ],
    [
      'lowering maxItems',
      (s: Spec) => (vmBody(s).properties.instanceIds.maxItems = 50),
      'ReleaseInstances (POST /api/v2/vm) request body: instanceIds: maxItems lowered 100 → 50',
    ],
    [
      'adding a pattern to a request field',
      (s: Spec) => (s.components.schemas.ResourceId.pattern = '^[a-z0-9-]+$'),
      'ReleaseDisk (POST /api/v2/zec) request body: diskId: pattern added "^[a-z0-9-]+$"',
    ],
    [
      'changing a request pattern so that it refuses values it accepted',
      (s: Spec) => (s.components.parameters.XZcTimestamp.schema.pattern = '^[0-9]{10}$'),
      /^ReleaseDisk \(POST \/api\/v2\/zec\) header parameter X-ZC-Timestamp: the value: pattern changed to "\^\[0-9\]\{10\}\$", refusing "\d{1,9}|\d{11,12}"$/,
    ],
    [
      'renaming a header parameter',
      (s: Spec) => (s.components.parameters.XZcRequestClient.name = 'X-ZC-Client'),
      'ReleaseDisk (POST /api/v2/zec): header parameter X-ZC-Request-Client removed (renamed to X-ZC-Client?)',
    ],
    [
      'adding a required header parameter',
      (s: Spec) => addHeader(s, '/api/v2/vm', 'X-ZC-Region', true),
      'ReleaseInstances (POST /api/v2/vm): new required header parameter X-ZC-Region',
    ],
    [
      'removing a documented status',
      (s: Spec) => delete s.paths['/api/v2/vm'].post.responses['403'],
      'ReleaseInstances (POST /api/v2/vm): response 403 removed',
    ],
  ])('%s', async (_name, edit, line: string | RegExp) => {
    const { breaking } = await verdictOf('zenlayer.yaml', edit);
    const lines = breaking.map((l) => l.replace(/ \[.*\]$/, ''));
    if (typeof line === 'string') expect(lines).toContain(line);
    else
      expect(
        lines.some((l) => line.test(l)),
        lines.join('\n'),
      ).toBe(true);
  });
});

describe('neutron.yaml: a breaking edit is refused, naming the change', () => {
  it.each([
    [
      'removing Delete Port',
      (s: Spec) => delete s.paths['/v2.0/ports/{port_id}'].delete,
      'DeletePort (DELETE /v2.0/ports/{port_id}): operation removed',
    ],
    [
      'removing the 412',
      (s: Spec) => delete port(s).responses['412'],
      'DeletePort (DELETE /v2.0/ports/{port_id}): response 412 removed',
    ],
    [
      'renaming If-Match',
      (s: Spec) => (port(s).parameters[1].name = 'If-None-Match'),
      'DeletePort (DELETE /v2.0/ports/{port_id}): header parameter If-Match removed (renamed to If-None-Match?)',
    ],
    [
      'making If-Match required',
      (s: Spec) => (port(s).parameters[1].required = true),
      'DeletePort (DELETE /v2.0/ports/{port_id}): header parameter If-Match is now required',
    ],
    [
      'removing an error type from a response',
      (s: Spec) => (s.components.schemas.ConflictDetail.properties.type.enum = ['PortInUse']),
      'DeletePort (DELETE /v2.0/ports/{port_id}) response 409: NeutronError.type: enum value "ServicePortInUse" removed',
    ],
  ])('%s', async (_name, edit, line) => {
    const { breaking } = await verdictOf('neutron.yaml', edit);
    expect(breaking.map((l) => l.replace(/ \[.*\]$/, ''))).toContain(line);
  });
});

describe('what openapi-diff alone lets through', () => {
  it('removing an optional response field is breaking (openapi-diff: response.body.scope.remove, non-breaking)', async () => {
    const withNote = edited(
      'zenlayer.yaml',
      (s: Spec) => (s.components.schemas.AcceptedEnvelope.properties.note = { type: 'string' }),
    );
    const findings = await compareSpecs(
      withNote,
      edited('zenlayer.yaml', () => {}),
    );
    expect(findings.filter((f) => f.verdict === 'breaking').map((f) => `${f.where}: ${f.change}`)).toContain(
      'DestroyPort (POST /api/v2/sdn) response 200: response field note removed',
    );
  });
});
