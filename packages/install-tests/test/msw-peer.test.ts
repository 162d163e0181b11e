// @cloud-release/mock/msw in a project outside the repo that installs msw itself (an optional
// peer): 2.x everywhere, 3.x where it runs (it needs Node ≥ 22.12; CI runs this suite on Node
// 22 and 24 too). The handlers answer the client, the control plane and a fault.
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { type Consumer, createConsumer, folderInShared, SHARED_DEPENDENCIES } from './support/consumer.js';
import { run } from './support/workspace.js';

const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const msw3Runs = major > 22 || (major === 22 && minor >= 12);

const consumers: Consumer[] = [];
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.remove()));
});

async function answers(msw: string) {
  const files = [{ from: fileURLToPath(new URL('./fixture/msw/consumer.mjs', import.meta.url)), to: 'consumer.mjs' }];
  // The shared project installed msw 2.x itself; another major gets a project of its own.
  const consumer =
    msw === SHARED_DEPENDENCIES.msw
      ? await folderInShared(inject('sharedConsumer'), `msw-${msw}`, files)
      : await createConsumer(
          { name: `msw-${msw}-consumer`, private: true, type: 'module' },
          inject('tarballs'),
          files,
          {
            msw,
          },
        );
  consumers.push(consumer);
  // Bounded: a consumer that never ends (a request msw neither answers nor fails) is named here.
  const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: consumer.dir, timeout: 60_000 }).catch(
    (error: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`consumer.mjs with msw ${msw} did not end within 60 s: ${error.message} ${error.stderr ?? ''}`);
    },
  );
  expect(JSON.parse(stdout)).toEqual({
    deleted: false,
    again: true,
    lost: 'OutcomeUnknownError',
    disk: expect.stringMatching(REQUEST_ID),
    journal: [
      ['DeletePort', 204],
      ['DeletePort', 404],
      ['DeletePort', null],
    ],
  });
}

it('msw 2.x: setupServer with the handlers answers the client, the control plane and a fault', async () => {
  await answers('2.15.0');
});

it('msw 3.x: the same', async (ctx) => {
  if (!msw3Runs) ctx.skip(`msw 3 needs Node ≥ 22.12; this is Node ${process.versions.node}`);
  await answers('3.0.5');
});
