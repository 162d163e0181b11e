// What apply counts as drift between a plan and a re-read: steps that differ, a new Neutron
// revision or owner; not a resource that moved along its planned path past waits, or (on a
// resume) past calls the journal records as sent.
import { describe, expect, it } from 'vitest';
import { driftOf } from '../src/apply/drift.js';
import type { PlannedResource } from '../src/plan/file.js';

const running: PlannedResource = {
  provider: 'zenlayer',
  type: 'instance',
  id: 'i-1',
  status: 'RUNNING',
  action: 'destroy',
  steps: ['terminate', 'wait-recycle-bin', 'release', 'wait-gone'],
};
const recycling: PlannedResource = {
  ...running,
  status: 'RECYCLING',
  steps: ['wait-recycle-bin', 'release', 'wait-gone'],
};
const journal = (sent: string[], accepted: string[] = []) => ({ sent: new Set(sent), accepted: new Set(accepted) });

describe('drift on Zenlayer', () => {
  it('a status with the same steps is not drift (RUNNING → STOPPED both need a terminate)', () => {
    expect(driftOf(running, { status: 'STOPPED' })).toBeUndefined();
  });

  it('moving past a wait on its own is not drift (RECYCLING → RECYCLE)', () => {
    expect(driftOf(recycling, { status: 'RECYCLE' })).toBeUndefined();
  });

  it('moving past a call nobody in this run sent is drift (RUNNING → RECYCLE), and so is gone', () => {
    expect(driftOf(running, { status: 'RECYCLE' })).toMatch(/^status was RUNNING, is RECYCLE/);
    expect(driftOf(running, { status: null })).toMatch(/is not found/);
  });

  it('on a resume, past a terminate the journal records as sent is expected', () => {
    expect(driftOf(running, { status: 'RECYCLE' }, journal(['terminate'], ['terminate']))).toBeUndefined();
    expect(driftOf(running, { status: null }, journal(['terminate', 'release']))).toBeUndefined();
  });

  it('a status that would need an accepted call again is drift', () => {
    expect(driftOf(running, { status: 'RUNNING' }, journal(['terminate'], ['terminate']))).toMatch(
      /needs terminate again/,
    );
  });
});

describe('drift on Neutron', () => {
  const port: PlannedResource = {
    provider: 'neutron',
    type: 'neutron-port',
    id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11',
    status: 'ACTIVE',
    revision: 2,
    owner: 'compute:nova',
    action: 'destroy',
    steps: ['delete', 'wait-gone'],
  };

  it('the same revision and owner in another status is not drift', () => {
    expect(driftOf(port, { status: 'DOWN', revision: 2, owner: 'compute:nova' })).toBeUndefined();
  });

  it('a new revision, a new owner, or an owner the port API refuses is drift', () => {
    expect(driftOf(port, { status: 'ACTIVE', revision: 3, owner: 'compute:nova' })).toBe('revision was 2, is 3');
    expect(driftOf(port, { status: 'ACTIVE', revision: 2, owner: 'compute:kuryr' })).toMatch(/^owner was/);
    expect(driftOf(port, { status: 'ACTIVE', revision: 2, owner: 'network:floatingip' })).toMatch(
      /^now refused \(ServicePortInUse\)/,
    );
  });
});
