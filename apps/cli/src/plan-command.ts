// `cloud-release plan`: reads every named resource (nothing that changes state), decides what
// each needs (or why it is refused or protected), writes that to a plan file with a digest,
// and prints it as a table. `apply` carries out exactly that plan.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Observed, PORT_ID_PATTERN, stepsFor } from '@cloud-release/client';
import { type Command, Option } from 'commander';
import type { Finish } from './finish.js';
import { parseIdList } from './ids.js';
import { type CliIo, lineOutput } from './io.js';
import { PLAN_FORMAT, type Plan, type PlannedResource, sealPlan, writePlan } from './plan/file.js';
import { type Named, observeAll } from './plan/observe.js';
import { protectedBy } from './plan/protect.js';
import { openProviders, type Providers } from './plan/providers.js';
import { KINDS, type Kind } from './plan/steps.js';
import { planTable } from './plan/table.js';
import { reportError } from './report.js';
import { checkEndpoint } from './target.js';
import { sanitize } from './text.js';
import { EXIT, helpHint, UsageError } from './usage.js';

interface PlanFlags {
  zenlayerEndpoint?: string;
  neutronEndpoint?: string;
  instances: string[];
  disks: string[];
  ports: string[];
  neutronPorts: string[];
  idsFile?: string;
  protect: string[];
  out: string;
  json?: boolean;
}

/** Comma-separated, repeatable: every occurrence adds its ids. */
const list = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean),
];
const repeat = (value: string, previous: string[]) => [...previous, value];

/** --ids-file: one resource a line, `<type> <id>` (type: instance, disk, port, neutron-port). */
export function parseIdsFile(text: string, path: string): Named[] {
  return parseIdList(text).map((line, i) => {
    const [kind, id, ...rest] = line.split(/\s+/);
    if (!KINDS.includes(kind as Kind) || id === undefined || rest.length > 0)
      throw new UsageError(
        `--ids-file ${path}: entry ${i + 1} must be "<type> <id>" with type one of ${KINDS.join(', ')}`,
      );
    return { kind: kind as Kind, id };
  });
}

async function namedResources(flags: PlanFlags, io: CliIo): Promise<Named[]> {
  const named: Named[] = [
    ...flags.instances.map((id) => ({ kind: 'instance' as const, id })),
    ...flags.disks.map((id) => ({ kind: 'disk' as const, id })),
    ...flags.ports.map((id) => ({ kind: 'port' as const, id })),
    ...flags.neutronPorts.map((id) => ({ kind: 'neutron-port' as const, id })),
  ];
  if (flags.idsFile !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, flags.idsFile), 'utf8');
    } catch (error) {
      throw new UsageError(`--ids-file ${flags.idsFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    named.push(...parseIdsFile(text, flags.idsFile));
  }
  const seen = new Set<string>();
  const unique = named.filter((n) => !seen.has(`${n.kind}:${n.id}`) && seen.add(`${n.kind}:${n.id}`));
  // Checked before anything is read: a Neutron port id is a UUID.
  const bad = unique.find((n) => n.kind === 'neutron-port' && !PORT_ID_PATTERN.test(n.id));
  if (bad) throw new UsageError(`a Neutron port id must be a UUID (got "${sanitize(bad.id, 80)}")`, helpHint('plan'));
  if (unique.length === 0)
    throw new UsageError(
      'no resources: name them with --instances, --disks, --ports, --neutron-ports or --ids-file',
      helpHint('plan'),
    );
  return unique;
}

/** What a plan decides for one resource, from what was read of it. */
function planned(n: Named, seen: Observed, globs: string[]): PlannedResource {
  const base = {
    provider: n.kind === 'neutron-port' ? ('neutron' as const) : ('zenlayer' as const),
    type: n.kind,
    id: n.id,
    ...(seen.name !== undefined && { name: seen.name }),
    status: seen.status,
    ...(seen.revision !== undefined && { revision: seen.revision }),
    ...(seen.owner !== undefined && { owner: seen.owner }),
  };
  const glob = protectedBy(globs, n.id, seen.name);
  if (glob !== undefined) return { ...base, action: 'protected', steps: [], protectedBy: glob };
  return { ...base, ...stepsFor(n.kind, seen, n.id) };
}

export async function makePlan(named: Named[], providers: Providers, globs: string[], now: Date): Promise<Plan> {
  const seen = await observeAll(named, providers);
  return sealPlan({
    format: PLAN_FORMAT,
    createdAt: now.toISOString(),
    endpoints: providers.endpoints,
    account: providers.account,
    resources: named.map((n) => planned(n, seen.get(`${n.kind}:${n.id}`)!, globs)),
  });
}

export function addPlanCommand(program: Command, io: CliIo, finish: Finish): void {
  program
    .command('plan')
    .description('read the named resources (nothing is changed) and write what apply will do to a plan file')
    .option('--zenlayer-endpoint <url>', 'Zenlayer API base URL (default: an embedded mock)')
    .option('--neutron-endpoint <url>', 'Neutron (network) endpoint (default: an embedded mock)')
    .addOption(
      new Option('--instances <ids>', 'Zenlayer instance ids, comma-separated (repeatable)')
        .argParser(list)
        .default([]),
    )
    .addOption(
      new Option('--disks <ids>', 'Zenlayer disk ids, comma-separated (repeatable)').argParser(list).default([]),
    )
    .addOption(
      new Option('--ports <ids>', 'Zenlayer (SDN) port ids, comma-separated (repeatable)').argParser(list).default([]),
    )
    .addOption(
      new Option('--neutron-ports <ids>', 'Neutron port ids, comma-separated (repeatable)').argParser(list).default([]),
    )
    .option('--ids-file <path>', 'read resources from a file, one "<type> <id>" a line (# comments)')
    .addOption(
      new Option(
        '--protect <glob>',
        'ids or names matching this glob (* and ?) are listed as protected, never touched (repeatable)',
      )
        .argParser(repeat)
        .default([]),
    )
    .requiredOption('--out <file>', 'write the plan here (JSON, mode 0600)')
    .option('--json', 'print the plan as JSON on stdout instead of a table')
    .action(async (flags: PlanFlags) => {
      const out = lineOutput(io, flags.json === true);
      let providers: Providers | undefined;
      try {
        const given = {
          ...(flags.zenlayerEndpoint !== undefined && {
            zenlayer: checkEndpoint(flags.zenlayerEndpoint, '--zenlayer-endpoint'),
          }),
          ...(flags.neutronEndpoint !== undefined && {
            neutron: checkEndpoint(flags.neutronEndpoint, '--neutron-endpoint'),
          }),
        };
        const named = await namedResources(flags, io);
        const need = {
          zenlayer: named.some((n) => n.kind !== 'neutron-port'),
          neutron: named.some((n) => n.kind === 'neutron-port'),
        };
        providers = await openProviders(need, given, io, out);
        const plan = await makePlan(named, providers, flags.protect, io.now());
        const path = resolve(io.cwd, flags.out);
        writePlan(path, plan);
        if (out.json) out.out(JSON.stringify(plan, null, 2));
        else for (const line of planTable(plan)) out.out(line);
        out.err(`Plan written to ${path} (${plan.digest}). Carry it out with: cloud-release apply ${path}`);
        finish(EXIT.ok);
      } catch (error) {
        finish(reportError(error, out));
      } finally {
        await providers?.close();
      }
    });
}
