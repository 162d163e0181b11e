// Signing wherever consumers are: WebCrypto where node:crypto is absent, against the
// documented vector; and public types that need no @types/node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorizationHeaderAsync, signatureAsync, signingKey } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';
import { PASSWORD, SIGNATURE, vector } from './support/vector.js';

let server: CaptureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The package as loaded in a runtime without node:crypto (a browser, an edge runtime). */
async function withoutNodeCrypto() {
  const real = process.getBuiltinModule.bind(process);
  vi.stubGlobal('process', {
    ...process,
    getBuiltinModule: (id: string) => (id === 'node:crypto' || id === 'crypto' ? undefined : real(id)),
  });
  vi.resetModules();
  return (await import('../src/index.js')) as typeof import('../src/index.js');
}

describe('WebCrypto signing', () => {
  it('reproduces the documented signature, keyed by the password or a SigningKey', async () => {
    expect(await signatureAsync(vector, PASSWORD)).toBe(SIGNATURE);
    expect(await signatureAsync(vector, signingKey(PASSWORD))).toBe(SIGNATURE);
    expect(await authorizationHeaderAsync(vector, 'AK', PASSWORD)).toBe(
      `ZC2-HMAC-SHA256 Credential=AK, SignedHeaders=content-type;host, Signature=${SIGNATURE}`,
    );
  });
});

describe('WebCrypto signing without node:crypto', () => {
  // Loaded once, before the tests, with node:crypto hidden until the last one: every test here
  // runs against the same fresh copy of the package, which never saw node:crypto.
  let pkg: Awaited<ReturnType<typeof withoutNodeCrypto>>;
  beforeAll(async () => {
    pkg = await withoutNodeCrypto();
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('the same vector signs with WebCrypto; the sync form is a ValidationError', async () => {
    const key = pkg.signingKey(PASSWORD);
    expect(await pkg.signatureAsync(vector, key)).toBe(SIGNATURE);
    expect(() => pkg.signature(vector, key)).toThrow(pkg.ValidationError);
    expect(JSON.stringify(key) + String(key)).not.toContain(PASSWORD);
  });

  it('a body given as its bytes signs as the same body given as a string', async () => {
    const bytes = new TextEncoder().encode(vector.body);
    expect(await pkg.signatureAsync({ ...vector, body: bytes }, PASSWORD)).toBe(SIGNATURE);
  });

  it('the sync form says what to use instead, naming the field and the limit', () => {
    expect(() => pkg.signature(vector, PASSWORD)).toThrow(
      expect.objectContaining({
        field: 'crypto',
        limit: 'node:crypto',
        outcome: 'not-sent',
        message:
          'the synchronous signing functions need node:crypto; here use signatureAsync / authorizationHeaderAsync (WebCrypto)',
      }),
    );
  });

  it('with WebCrypto gone too, signing fails before anything is sent, saying why', async () => {
    const webCrypto = globalThis.crypto;
    vi.stubGlobal('crypto', undefined);
    try {
      const rejection = pkg.signatureAsync(vector, PASSWORD);
      await expect(rejection).rejects.toBeInstanceOf(pkg.ValidationError);
      await expect(rejection).rejects.toMatchObject({
        field: 'crypto',
        limit: 'WebCrypto',
        message: 'ZC2-HMAC-SHA256 signing needs WebCrypto or node:crypto',
      });
    } finally {
      vi.stubGlobal('crypto', webCrypto);
    }
  });

  it('the client signs its requests with WebCrypto', async () => {
    server = await startCaptureServer();
    const now = new Date(vector.timestamp * 1000);
    const zc = pkg.createZenlayerClient({
      accessKeyId: 'AK',
      accessKeyPassword: PASSWORD,
      baseUrl: server.url,
      now: () => now,
    });
    await zc.releaseDisk('disk-1');
    const [r] = server.requests;
    const expected = await authorizationHeaderAsync(
      { body: r!.body, contentType: r!.headers['content-type']!, host: r!.headers.host!, timestamp: vector.timestamp },
      'AK',
      PASSWORD,
    );
    expect(r!.headers.authorization).toBe(expected);
  });
});

describe('public types', () => {
  // The declarations the build wrote to dist/ (the package's own), as a consumer gets them.
  it('compile in a DOM-only project, without @types/node and without skipLibCheck', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloud-release-types-'));
    try {
      const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
      const root = fileURLToPath(new URL('..', import.meta.url));
      writeFileSync(
        join(dir, 'consumer.ts'),
        `import { createZenlayerClient, type CloudReleaseError } from '${join(root, 'dist/index.js')}';
const zc = createZenlayerClient({ accessKeyId: 'a', accessKeyPassword: 'b' });
export const p: Promise<unknown> = zc.releaseDisk('d').catch((e: CloudReleaseError) => e.toJSON());\n`,
      );
      const options = {
        strict: true,
        noEmit: true,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        skipLibCheck: false,
        paths: { 'openapi-fetch': [join(root, 'node_modules/openapi-fetch')] },
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }));
      const out = (() => {
        try {
          return execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
        } catch (error) {
          return (error as { stdout: string }).stdout;
        }
      })();
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
