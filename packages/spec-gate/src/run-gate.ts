// The gate over a repository: every spec in spec/released/ against its working copy in spec/.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeFinding, type Finding } from './findings.js';
import { compareSpecs } from './gate.js';
import { readChangesets, waiveBreaking } from './waiver.js';

export interface SpecVerdict {
  spec: string;
  findings: Finding[];
  breaking: Finding[];
  passed: boolean;
  report: string[];
}

const versionOf = (text: string): unknown => (parse(text) as { info?: { version?: unknown } })?.info?.version;

export async function gateSpec(
  spec: string,
  released: string,
  working: string | undefined,
  changesets: Awaited<ReturnType<typeof readChangesets>>,
): Promise<SpecVerdict> {
  const findings: Finding[] =
    working === undefined
      ? [{ verdict: 'breaking', where: spec, change: 'the spec was removed', source: 'rule:spec' }]
      : await compareSpecs(released, working);
  const breaking = findings.filter((f) => f.verdict === 'breaking');
  const versions = { released: versionOf(released), working: working === undefined ? undefined : versionOf(working) };
  const waiver = waiveBreaking(versions, changesets);
  const passed = breaking.length === 0 || waiver.allowed;
  const head = `${spec} ${String(versions.released)} → ${String(versions.working)}: ${breaking.length} breaking, ${findings.length - breaking.length} additive`;
  const report = [
    `${passed ? 'ok  ' : 'FAIL'} ${head}`,
    ...breaking.map((f) => `  BREAKING ${describeFinding(f)}`),
    ...findings.filter((f) => f.verdict === 'additive').map((f) => `  additive ${describeFinding(f)}`),
    ...(breaking.length > 0 ? [`  ${waiver.allowed ? 'allowed' : 'refused'}: ${waiver.reason}`] : []),
  ];
  return { spec, findings, breaking, passed, report };
}

/** `root` holds spec/*.yaml, the baseline spec/released/*.yaml and .changeset/. */
export async function runGate(root: string): Promise<SpecVerdict[]> {
  const releasedDir = join(root, 'spec', 'released');
  const changesets = await readChangesets(join(root, '.changeset'));
  const names = (await readdir(releasedDir)).filter((name) => name.endsWith('.yaml')).sort();
  if (names.length === 0) throw new Error(`no released spec in ${releasedDir}`);
  const verdicts: SpecVerdict[] = [];
  for (const name of names) {
    const released = await readFile(join(releasedDir, name), 'utf8');
    const working = await readFile(join(root, 'spec', name), 'utf8').catch(() => undefined);
    verdicts.push(await gateSpec(name, released, working, changesets));
  }
  return verdicts;
}
