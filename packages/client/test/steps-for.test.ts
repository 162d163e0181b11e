// stepsFor: the steps a resource needs from the status a read found, the same decision
// teardown() makes after its first read (a plan made from a read uses it).
import { describe, expect, it } from 'vitest';
import { stepsFor } from '../src/index.js';

describe('stepsFor', () => {
  it.each([
    ['instance', 'RUNNING', ['terminate', 'wait-recycle-bin', 'release', 'wait-gone']],
    ['instance', 'RECYCLING', ['wait-recycle-bin', 'release', 'wait-gone']],
    ['instance', 'RECYCLE', ['release', 'wait-gone']],
    ['instance', 'RELEASING', ['wait-gone']],
    ['disk', 'AVAILABLE', ['terminate', 'wait-recycle-bin', 'release', 'wait-gone']],
    ['disk', 'RECYCLED', ['release', 'wait-gone']],
    ['port', 'RECYCLED', ['release', 'wait-gone']],
  ] as const)('a Zenlayer %s in %s: %j', (type, status, steps) => {
    expect(stepsFor(type, { status }, 'x-1')).toEqual({ action: 'destroy', steps });
  });

  it('a system disk is refused (ReleaseDisk refuses a boot disk) with what to do instead; a data disk is not', () => {
    expect(stepsFor('disk', { status: 'IN_USE', diskType: 'SYSTEM' }, 'd-sys')).toMatchObject({
      action: 'refused',
      steps: [],
      code: 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE',
      instead: expect.stringContaining('instance'),
    });
    expect(stepsFor('disk', { status: 'IN_USE', diskType: 'DATA' }, 'd-data')).toMatchObject({ action: 'destroy' });
  });

  it('a resource the read did not find is already gone', () => {
    expect(stepsFor('instance', { status: null }, 'i-1')).toEqual({ action: 'already-gone', steps: [] });
    expect(stepsFor('neutron-port', { status: null }, 'p-1')).toEqual({ action: 'already-gone', steps: [] });
  });

  it('a Neutron port: delete with its revision, then confirm gone', () => {
    expect(stepsFor('neutron-port', { status: 'ACTIVE', revision: 4, owner: 'compute:nova' }, 'p-1')).toEqual({
      action: 'destroy',
      steps: ['delete', 'wait-gone'],
    });
  });

  it('a Neutron port the port API cannot delete is refused with what to do instead', () => {
    expect(
      stepsFor('neutron-port', { status: 'ACTIVE', revision: 4, owner: 'network:router_gateway' }, 'p-1'),
    ).toMatchObject({ action: 'refused', code: 'ServicePortInUse', instead: expect.any(String) });
    expect(stepsFor('neutron-port', { status: 'ACTIVE', revision: 4, trunk: true }, 'p-1')).toMatchObject({
      action: 'refused',
      code: 'PortInUseAsTrunkParent',
    });
  });

  it('a Neutron port without a revision cannot be deleted with If-Match: refused', () => {
    expect(stepsFor('neutron-port', { status: 'ACTIVE' }, 'p-1')).toMatchObject({
      action: 'refused',
      code: 'NoRevisionNumber',
    });
  });
});
