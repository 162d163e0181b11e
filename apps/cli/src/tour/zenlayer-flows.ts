// The Zenlayer flows of the tour, on a strict stateful mock (only the seeded resources exist),
// in the order the official Terraform provider drives them: move to the recycle bin, poll the
// Describe read until the status says so, then release.
import { createZenlayerClient, ZenlayerApiError, ZenlayerBatchError } from '@cloud-release/client';
import type { StatefulMock } from '@cloud-release/mock';
import { DEMO_CREDENTIALS } from '../target.js';
import { companionClient, describeDisks, describeInstances, describePorts, pollUntil } from './companion.js';
import { check, say, sayAuthorization, tracedFetch } from './narration.js';

export const ZENLAYER_SEED = {
  resources: [
    { type: 'instance', id: 'vm-1', status: 'RUNNING' },
    { type: 'instance', id: 'vm-2', status: 'RUNNING' },
    { type: 'instance', id: 'vm-3', status: 'RECYCLE' },
    { type: 'disk', id: 'disk-data-01', status: 'AVAILABLE', diskType: 'DATA' },
    { type: 'port', id: 'port-01', status: 'RUNNING' },
  ],
};

/** Short back-off so the tour stays quick; the defaults are the official SDKs' 1 s, 2 s, 4 s. */
const QUICK_RETRY = { retries: 3, baseDelayMs: 100, minDelayMs: 50, maxDelayMs: 200 };

/** The refusal a typed error carries: `instanceof` keeps the documented code union. */
function refusal(error: unknown): ZenlayerApiError {
  const cause = error instanceof ZenlayerBatchError ? error.failed[0]?.error : error;
  check(cause instanceof ZenlayerApiError, `expected a ZenlayerApiError, got ${String(error)}`);
  return cause;
}

export async function zenlayerFlows(mock: StatefulMock): Promise<void> {
  const companion = companionClient(mock.url, DEMO_CREDENTIALS, tracedFetch());
  const client = () =>
    createZenlayerClient({ ...DEMO_CREDENTIALS, baseUrl: mock.url, fetch: sayAuthorization(), retry: QUICK_RETRY });

  say('\n1. Terminate, then release instances (vm-1 and vm-2 are RUNNING).');
  say('  ReleaseInstances only takes instances in the recycle bin: first TerminateInstance each one.');
  for (const instanceId of ['vm-1', 'vm-2'])
    await companion.POST('/api/v2/vm#TerminateInstance', {
      params: { header: { 'X-ZC-Action': 'TerminateInstance' } },
      body: { instanceId },
    });
  await pollUntil('vm-1, vm-2', 'RECYCLE', () => describeInstances(companion, ['vm-1', 'vm-2']));
  const released = await client().releaseInstances(['vm-1', 'vm-2']);
  check(released.ids.length === 2, 'both instances accepted');
  await pollUntil('vm-1, vm-2 released (gone from DescribeInstances)', 'gone', async () =>
    (await describeInstances(companion, ['vm-1', 'vm-2'])).length === 0 ? ['gone'] : ['still there'],
  );

  say('\n2. A disk released twice, then a third time with ignoreMissing.');
  const first = await client().releaseDisk('disk-data-01');
  say(`  ✓ first ReleaseDisk accepted (requestId ${first.requestId}): the disk goes to the recycle bin`);
  await pollUntil('disk-data-01', 'RECYCLED', () => describeDisks(companion, ['disk-data-01']));
  const second = await client().releaseDisk('disk-data-01');
  say(`  ✓ second ReleaseDisk accepted (requestId ${second.requestId}): from RECYCLED it destroys the disk`);
  const third = await client().releaseDisk('disk-data-01', { ignoreMissing: true });
  check(third.alreadyGone, 'ignoreMissing should turn INVALID_DISK_NOT_FOUND into success');
  say('  ✓ third ReleaseDisk resolved as { alreadyGone: true }: a teardown script can be re-run safely.');

  say('\n3. A port that is not recycled is refused (DestroyPort before TerminatePort).');
  try {
    await client().destroyPort('port-01');
    check(false, 'DestroyPort of a RUNNING port must be refused');
  } catch (error) {
    const e = refusal(error);
    check(e.code === 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', `refused with ${e.code}`);
    say(`  ✓ ${e.name}: status ${e.status}, code ${e.code}, requestId ${e.requestId}`);
  }
  await companion.POST('/api/v2/sdn#TerminatePort', {
    params: { header: { 'X-ZC-Action': 'TerminatePort' } },
    body: { portId: 'port-01' },
  });
  await pollUntil('port-01', 'RECYCLED', () => describePorts(companion, ['port-01']));
  const destroyed = await client().destroyPort('port-01');
  say(`  ✓ DestroyPort accepted now (requestId ${destroyed.requestId}): DESTROYING, then gone.`);

  say('\n4. A 429 survived by the retry (queued on the mock: mock.fault({ … times: 1 })).');
  mock.fault({ operation: 'ReleaseInstances', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', times: 1, retryAfter: 1 });
  const retried = await client().releaseInstances(['vm-3']);
  check(retried.ids.length === 1, 'vm-3 accepted after the retry');
  const seen = mock.requests().filter((r) => r.operation === 'ReleaseInstances' && r.ids.includes('vm-3'));
  check(seen.length === 2 && seen[0]!.status === 429 && seen[1]!.status === 200, 'a 429 then a 200 in the journal');
  say(`  ✓ the mock's journal: ${seen.map((r) => `${r.status}${r.code ? ` ${r.code}` : ''}`).join(', then ')}`);
  say(
    '    (the client waited for the Retry-After, capped by maxDelayMs: 200 ms in this tour; a refusal is never retried)',
  );
}
