// The gate as CI runs it: `spec-gate <root>` over spec/released/ and spec/, with .changeset/.
// The command runs in-process (what it prints, its exit code); one test runs the bin itself.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gateCommand } from '../src/gate-command.js';
import { edited, type Spec } from './edits.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const released = fileURLToPath(new URL('../../../spec/released', import.meta.url));
let root = '';

const gate = async () => {
  const { code, stdout, stderr } = await gateCommand(root);
  return { code, output: stdout + stderr };
};

const gateBin = async () => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, root]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
};

const breakZenlayer = (version: string) =>
  writeFile(
    join(root, 'spec', 'zenlayer.yaml'),
    edited('zenlayer.yaml', (s: Spec) => {
      s.info.version = version;
      delete s.paths['/api/v2/vm'];
    }),
  );

const changeset = (bump: string, summary: string) =>
  writeFile(join(root, '.changeset', 'drop-vm.md'), `---\n"@cloud-release/spec": ${bump}\n---\n\n${summary}\n`);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'spec-gate-'));
  await cp(released, join(root, 'spec', 'released'), { recursive: true });
  await cp(join(released, 'zenlayer.yaml'), join(root, 'spec', 'zenlayer.yaml'));
  await cp(join(released, 'neutron.yaml'), join(root, 'spec', 'neutron.yaml'));
  await mkdir(join(root, '.changeset'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('spec-gate CLI', () => {
  it('passes the released specs unchanged', async () => {
    const { code, output } = await gate();
    expect(code).toBe(0);
    expect(output).toContain('ok   zenlayer.yaml 1.0.0 → 1.0.0: 0 breaking, 0 additive');
  });

  it('fails a breaking edit, naming it and saying how to release it', async () => {
    await breakZenlayer('1.0.0');
    const { code, output } = await gateBin();
    expect(code).toBe(1);
    expect(output).toContain('BREAKING ReleaseInstances (POST /api/v2/vm): operation removed');
    expect(output).toContain("refused: to release it anyway: bump info.version's major (released 1.0.0)");
    expect(output).toContain('spec-gate: breaking change in zenlayer.yaml');
  });

  it.each([
    {
      why: 'a major bump but no changeset saying why',
      version: '2.0.0',
      bump: 'minor',
      code: 1,
      says: 'add a .changeset/*.md naming "@cloud-release/spec": major with a summary saying why',
    },
    { why: 'a major changeset but no major bump', version: '1.1.0', bump: 'major', code: 1, says: 'BREAKING' },
    {
      why: 'a major bump and a major changeset that says why',
      version: '2.0.0',
      bump: 'major',
      code: 0,
      says: 'allowed: info.version major 1 → 2 and .changeset/drop-vm.md says why',
    },
  ])('a breaking edit with $why exits $code', async ({ version, bump, code, says }) => {
    await breakZenlayer(version);
    await changeset(bump, bump === 'major' ? 'Drop the VM release: Zenlayer retired it.' : 'Drop the VM release.');
    const result = await gate();
    expect(result.code).toBe(code);
    expect(result.output).toContain(says);
  });

  it('fails when a released spec has no working copy', async () => {
    await rm(join(root, 'spec', 'neutron.yaml'));
    const { code, output } = await gate();
    expect(code).toBe(1);
    expect(output).toContain('BREAKING neutron.yaml: the spec was removed');
  });
});
