// The Zenlayer flows of the tour, on a strict stateful mock (only the seeded resources exist),
// in the order the official Terraform provider drives them: move to the recycle bin, wait for
// it, release, wait until gone. The waiting and the order are the client's (teardown() and its
// waiters), as a user's own script would call them.
import {
  createZenlayerClient,
  type StepEvent,
  type TeardownResult,
  teardown,
  waitUntilDisksInRecycleBin,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '@cloud-release/client';
import type { StatefulMock } from '@cloud-release/mock';
import { DEMO_CREDENTIALS } from '../target.js';
import { companionClient } from './companion.js';
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

/** Quick polls for the tour's 300 ms transitions; the defaults are the Terraform provider's 0.5 → 10 s. */
export const TOUR_WAIT = { minDelayMs: 100, maxDelayMs: 300, maxWaitMs: 10_000 };

const onStep = (e: StepEvent) => {
  if (e.phase === 'after') say(`  ✓ ${e.action} ${e.ids.join(', ')}: ${e.outcome}`);
};

function allGone(results: TeardownResult[]): void {
  for (const r of results) check(r.result === 'gone', `${r.type} ${r.id} ended ${r.result}`);
  say(`  ✓ teardown(): ${results.map((r) => `${r.id} ${r.result}`).join(', ')}`);
}

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

  say("\n1. Terminate, then release instances (vm-1 and vm-2 are RUNNING), with the client's teardown().");
  say('  ReleaseInstances only takes instances in the recycle bin: teardown() reads them, terminates each,');
  say('  waits for RECYCLE, releases both in one call and waits until DescribeInstances no longer lists them.');
  const instances = ['vm-1', 'vm-2'].map((id) => ({ provider: 'zenlayer' as const, type: 'instance' as const, id }));
  allGone(await teardown({ zenlayer: client(), resources: instances, options: { zenlayerWait: TOUR_WAIT, onStep } }));

  say('\n2. A disk released twice, then a third time with ignoreMissing.');
  const first = await client().releaseDisk('disk-data-01');
  say(`  ✓ first ReleaseDisk accepted (requestId ${first.requestId}): the disk goes to the recycle bin`);
  const recycled = await waitUntilDisksInRecycleBin(companion, ['disk-data-01'], TOUR_WAIT);
  check(recycled.state === 'success', `disk-data-01 is ${recycled.statuses['disk-data-01']}`);
  say('  ✓ waitUntilDisksInRecycleBin: disk-data-01 RECYCLED');
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
  say('  teardown() knows the order: TerminatePort, wait for RECYCLED, DestroyPort, wait until gone.');
  const port = [{ provider: 'zenlayer' as const, type: 'port' as const, id: 'port-01' }];
  allGone(await teardown({ zenlayer: client(), resources: port, options: { zenlayerWait: TOUR_WAIT, onStep } }));

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
