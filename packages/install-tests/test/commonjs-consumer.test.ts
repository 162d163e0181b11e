// A CommonJS package, its package.json as `npm init -y` makes one, uses the packed packages through
// require(): at run time (Node >= 20.19 requires ES modules), and compiled from TypeScript
// under strict NodeNext, where the imports become require() calls.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Consumer, folderInShared, tscDiagnostics } from './support/consumer.js';
import { run } from './support/workspace.js';

const fixture = (file: string) => fileURLToPath(new URL(`./fixture/commonjs/${file}`, import.meta.url));

let consumer: Consumer | undefined;
beforeAll(async () => {
  // A package of its own inside the shared project (its modules resolve the shared install),
  // with `npm init -y`'s package.json: no "type", so every .js and .ts file is CommonJS.
  consumer = await folderInShared(
    inject('sharedConsumer'),
    'commonjs-consumer',
    ['require.js', 'index.ts', 'tsconfig.json'].map((file) => ({ from: fixture(file), to: file })),
    {
      name: 'commonjs-consumer',
      version: '1.0.0',
      main: 'index.js',
      scripts: { test: 'echo "Error: no test specified" && exit 1' },
      keywords: [],
      author: '',
      license: 'ISC',
      description: '',
    },
  );
});
afterAll(async () => {
  await consumer?.remove();
});

it(`require()s the client, the generated clients and the mock at run time on Node ${process.version}`, async () => {
  const { stdout } = await run(process.execPath, ['require.js'], { cwd: consumer!.dir });
  expect(JSON.parse(stdout)).toEqual({
    released: 'string',
    failure: 'INVALID_DISK_NOT_FOUND',
    action: 'ReleaseDisk',
    portsApi: 'function',
  });
});

it('compiles as CommonJS under strict NodeNext and the output runs', async () => {
  expect(await tscDiagnostics(consumer!)).toBe('');
  const { stdout } = await run(process.execPath, ['index.js'], { cwd: consumer!.dir });
  expect(JSON.parse(stdout)).toEqual({ format: 'function', code: 'INVALID_DISK_NOT_FOUND', action: 'ReleaseDisk' });
});
