// The specs are the source of truth: they must lint clean and keep their documented decisions.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = fileURLToPath(new URL('..', import.meta.url));
const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
const load = async (name: string) => parse(await readFile(`${here}/${name}`, 'utf8'));

describe.each(['zenlayer.yaml', 'neutron.yaml'])('%s', (name) => {
  it('lints with zero errors and zero warnings (recommended-strict, examples validated)', async () => {
    const { stdout } = await promisify(execFile)(redocly, ['lint', name, '--format=json'], { cwd: here });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 30_000);

  it('stays OpenAPI 3.0.x (openapi-generator 5.0.0-beta2 reads nothing newer)', async () => {
    expect((await load(name)).openapi).toMatch(/^3\.0\.\d+$/);
  });
});

describe('zenlayer.yaml decisions', () => {
  it('answers DestroyPort’s documented "HTTP status 7105" with 404 and keeps 7105 in an extension', async () => {
    const spec = await load('zenlayer.yaml');
    const op = spec.paths['/api/v2/sdn'].post;
    expect(op.responses['7105']).toBeUndefined();
    const example = op.responses['404'].content['application/json'].examples.SELF_SERVICE_PORT_NOT_FOUND;
    const resolved = spec.components.examples[example.$ref.split('/').pop()];
    expect(resolved['x-zenlayer-documented-status']).toBe(7105);
    expect(resolved.value.code).toBe('SELF_SERVICE_PORT_NOT_FOUND');
    expect(op.description).toMatch(/7105 is not an HTTP\s+status/);
  });

  it('admits exactly one action per operation in X-ZC-Action', async () => {
    const spec = await load('zenlayer.yaml');
    for (const [path, item] of Object.entries<{ post: { operationId: string; parameters: Array<{ name: string }> } }>(
      spec.paths,
    )) {
      const action = item.post.parameters.find((p) => p.name === 'X-ZC-Action');
      expect(action, path).toMatchObject({ in: 'header', required: true });
      expect(action.schema.enum, path).toEqual([item.post.operationId]);
    }
  });

  it('caps ReleaseInstances at 1..100 ids', async () => {
    const spec = await load('zenlayer.yaml');
    const ids = spec.components.schemas.ReleaseInstancesBody.properties.instanceIds;
    expect([ids.minItems, ids.maxItems]).toEqual([1, 100]);
  });
});
