// A CommonJS project, made the way `npm init -y` makes one, uses the packed packages through
// require(): at run time (Node >= 20.19 requires ES modules), and compiled from TypeScript
// under strict NodeNext, where the imports become require() calls.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Consumer, createConsumer } from './support/consumer.js';
import { run } from './support/workspace.js';

const fixture = (file: string) => fileURLToPath(new URL(`./fixture/commonjs/${file}`, import.meta.url));

let consumer: Consumer | undefined;
beforeAll(async () => {
  consumer = await createConsumer(
    // `npm init -y`'s package.json: no "type", so every .js and .ts file is CommonJS.
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
    inject('tarballs'),
    ['require.js', 'index.ts', 'tsconfig.json'].map((file) => ({ from: fixture(file), to: file })),
    { typescript: '5.9.3', '@types/node': '20.19.43' },
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
  const dir = consumer!.dir;
  await run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
  const { stdout } = await run(process.execPath, ['index.js'], { cwd: dir });
  expect(JSON.parse(stdout)).toEqual({ format: 'function', code: 'INVALID_DISK_NOT_FOUND', action: 'ReleaseDisk' });
});
