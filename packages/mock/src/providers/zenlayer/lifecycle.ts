// Zenlayer's part of the stateful mode: its rules (lifecycle-rules.ts) answered in its envelope.
import type { Answer } from '../../answer.js';
import type { Outcome } from '../../state/outcome.js';
import { ZENLAYER_STATUSES, type ZenlayerResource } from '../../state/resources.js';
import type { Lifecycle } from '../provider.js';
import { envelope } from './envelope.js';
import { ZENLAYER_PASSAGES, zenlayerRules } from './lifecycle-rules.js';

function dress(outcome: Outcome, operation: string): Answer {
  if (!outcome.ok) return envelope(outcome.status, outcome.code, outcome.message, operation);
  // The provider's finish step puts a fresh request id in both places; these empty ones only
  // put requestId first, where Zenlayer's envelope has it.
  const response = { requestId: '', ...(outcome.body as object | undefined) };
  return {
    status: 200,
    body: { requestId: '', response },
    // The finish step names a success 'accepted' in the log.
    note: '',
    operation,
  };
}

function checkSeeded(r: Record<string, unknown>, at: string, problems: string[]): ZenlayerResource {
  const statuses = Object.hasOwn(ZENLAYER_STATUSES, r.type as string)
    ? ZENLAYER_STATUSES[r.type as ZenlayerResource['type']]
    : undefined;
  if (!statuses) problems.push(`${at}.type must be one of instance, disk, port (got ${JSON.stringify(r.type)})`);
  else if (!statuses.includes(r.status as string))
    problems.push(
      `${at}.status must be one of the ${r.type} statuses ${statuses.join(', ')} (got ${JSON.stringify(r.status)})`,
    );
  if (r.diskType !== undefined && (r.type !== 'disk' || !['SYSTEM', 'DATA'].includes(r.diskType as string)))
    problems.push(`${at}.diskType must be SYSTEM or DATA, on a disk only`);
  return r as unknown as ZenlayerResource;
}

export const zenlayerLifecycle: Lifecycle = {
  answer: (request, ctx) =>
    dress(zenlayerRules[request.operation]!(ctx, request.json as Record<string, unknown>), request.operation),
  // Every action but the reads.
  actsLater: (operation) => !operation.startsWith('Describe'),
  statuses: ZENLAYER_STATUSES,
  passages: ZENLAYER_PASSAGES,
  seed: { fields: ['type', 'id', 'status', 'name', 'diskType'], check: checkSeeded, typeOf: (raw) => raw.type },
  // Each type as its Describe* item serves it.
  wire: {
    instance: { schema: 'InstanceInfo', fields: { id: 'instanceId', name: 'instanceName', status: 'instanceStatus' } },
    disk: {
      schema: 'DiskInfo',
      fields: { id: 'diskId', name: 'diskName', status: 'diskStatus', diskType: 'diskType' },
    },
    port: { schema: 'PortInfo', fields: { id: 'portId', name: 'portName', status: 'portStatus' } },
  },
};
