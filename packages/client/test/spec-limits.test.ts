// The client's hand-written limits and code lists must match the spec they come from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_IDS_PER_REQUEST, NOT_FOUND_CODES } from '../src/index.js';

const spec = parse(readFileSync(createRequire(import.meta.url).resolve('@cloud-release/spec/zenlayer.yaml'), 'utf8'));

describe('limits taken from spec/zenlayer.yaml', () => {
  it('batches at the spec’s maxItems', () => {
    expect(MAX_IDS_PER_REQUEST).toBe(spec.components.schemas.ReleaseInstancesBody.properties.instanceIds.maxItems);
  });

  it('treats as not-found exactly the 404 codes the spec documents', () => {
    const notFound = new Set<string>();
    for (const name of ['PortNotFoundCode', 'DiskNotFoundCode', 'InstanceNotFoundCode'])
      for (const code of spec.components.schemas[name].enum) notFound.add(code);
    expect([...NOT_FOUND_CODES].sort()).toEqual([...notFound].sort());
  });
});
