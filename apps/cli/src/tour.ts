// `pnpm demo`: a narrated tour of the kit on in-process mocks. No account, no setup; it shows
// what is sent and what comes back, and how a destructive client should fail.
import {
  createNeutronClient,
  createZenlayerClient,
  type ObservedRequest,
  type ObservedResponse,
  observingFetch,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '@cloud-release/client';
import { type PreferOptions, preferringFetch, startMock } from '@cloud-release/mock';
import { DEMO_CREDENTIALS, DEMO_TOKEN } from './target.js';

const say = (line = '') => console.log(line);

function describeBody(body: string): string {
  if (!body) return '(no body)';
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const ids = parsed.instanceIds as string[] | undefined;
  if (!ids || ids.length < 3) return body;
  return `{"instanceIds": [${ids.length} ids: ${ids[0]} … ${ids[ids.length - 1]}]}`;
}

const trace = {
  onRequest(r: ObservedRequest) {
    const action = r.headers['x-zc-action'] ? `  X-ZC-Action: ${r.headers['x-zc-action']}` : '';
    say(`    → ${r.method} ${new URL(r.url).pathname}${action}  ${describeBody(r.body)}`);
    say(`      Authorization: ${r.headers.authorization ?? `(X-Auth-Token: ${r.headers['x-auth-token']})`}`);
  },
  onResponse(_: ObservedRequest, res: ObservedResponse) {
    const body = res.body as { requestId?: string; code?: string } | undefined;
    say(
      `    ← ${res.status}${body?.code ? ` ${body.code}` : ''}${body?.requestId ? `  requestId ${body.requestId}` : ''}`,
    );
  },
};
const traced = (prefer?: PreferOptions) => observingFetch(trace, prefer ? preferringFetch(prefer) : globalThis.fetch);

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`tour step went wrong: ${what}`);
}

const zenlayerMock = await startMock({
  api: 'zenlayer',
  credentials: { [DEMO_CREDENTIALS.accessKeyId]: DEMO_CREDENTIALS.accessKeyPassword },
});
const neutronMock = await startMock({ api: 'neutron' });
try {
  say('cloud-release tour: every call below is real HTTP to mocks that answer like Zenlayer and Neutron.');
  say(`  Zenlayer mock ${zenlayerMock.url} (verifies ZC2-HMAC-SHA256 signatures)   Neutron mock ${neutronMock.url}`);
  const zenlayer = (prefer?: PreferOptions) =>
    createZenlayerClient({ ...DEMO_CREDENTIALS, baseUrl: zenlayerMock.url, fetch: traced(prefer), retry: false });

  say('\n1. ReleaseInstances with 250 ids: de-duplicated, sent as batches of at most 100.');
  const ids = Array.from({ length: 250 }, (_, i) => `vm-${String(i + 1).padStart(3, '0')}`);
  const released = await zenlayer().releaseInstances(ids, { concurrency: 1 });
  check(released.batches.length === 3, '250 ids should take 3 batches');
  say(
    `  ✓ ${released.ids.length} instances accepted in ${released.batches.length} requests (the release itself is asynchronous).`,
  );

  say('\n2. ReleaseDisk.');
  const disk = await zenlayer().releaseDisk('disk-data-01');
  say(`  ✓ accepted, requestId ${disk.requestId}`);

  say('\n3. DestroyPort (ports must be in the recycle bin; the port goes DESTROYING → DESTROYED).');
  const port = await zenlayer().destroyPort('port-recycled-01');
  say(`  ✓ accepted, requestId ${port.requestId}`);

  say('\n4. A disk that is already gone, with ignoreMissing (the mock is asked for its 404 example).');
  const gone = await zenlayer({ status: 404, example: 'INVALID_DISK_NOT_FOUND' }).releaseDisk('disk-already-gone', {
    ignoreMissing: true,
  });
  check(gone.alreadyGone, 'ignoreMissing should turn INVALID_DISK_NOT_FOUND into success');
  say(`  ✓ resolved as { alreadyGone: true }: teardown scripts can be re-run safely.`);

  say('\n5. An instance that is not in the recycle bin: a typed error, never a silent success.');
  try {
    await zenlayer({ status: 403, example: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' }).releaseInstances([
      'vm-still-running',
    ]);
    check(false, 'a 403 must throw');
  } catch (error) {
    check(error instanceof ZenlayerBatchError, 'releaseInstances reports failed batches with ZenlayerBatchError');
    const cause = (error as ZenlayerBatchError).failed[0]!.error;
    // Narrowed by hand: instanceof on the generic class loses the action's code union.
    const apiError = cause as ZenlayerApiError<'ReleaseInstances'>;
    check(
      cause instanceof ZenlayerApiError && apiError.code === 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      'the batch error carries the typed API error',
    );
    say(`  ✓ ${apiError.name}: status ${apiError.status}, code ${apiError.code}, requestId ${apiError.requestId}`);
    say(`    message: ${apiError.message}`);
  }

  say('\n6. Neutron Delete Port.');
  const neutron = createNeutronClient({ baseUrl: neutronMock.url, token: DEMO_TOKEN, fetch: traced() });
  const deleted = await neutron.deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11');
  check(!deleted.alreadyGone, 'a 204 is a deletion');
  say('  ✓ 204 No Content: the port is deleted and its addresses return to their pools.');

  say(
    '\nTour complete. Try the CLI: npx --yes pnpm@10.34.9 -s cloud-release --help (it too runs on an embedded mock by default).',
  );
} catch (error) {
  console.error(`demo failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all([zenlayerMock.close(), neutronMock.close()]);
}
