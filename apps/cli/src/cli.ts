#!/usr/bin/env node
import {
  createNeutronClient,
  createZenlayerClient,
  type ReleaseInstancesResult,
  type ReleaseResult,
} from '@cloud-release/client';
// cloud-release: release Zenlayer instances, disks and ports, or delete a Neutron port.
// Every command runs against the embedded mock unless --endpoint says otherwise.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type CommonFlags, type Release, runRelease } from './release.js';
import type { Io } from './report.js';
import { neutronToken, zenlayerCredentials } from './target.js';
import { EXIT } from './usage.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (ids: string[]) =>
  ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} … ${ids[ids.length - 1]}`;

function withCommonOptions(command: Command, endpointHelp: string): Command {
  return command
    .option('--endpoint <url>', `${endpointHelp} (default: an embedded mock, nothing real is released)`)
    .option('--dry-run', 'print the exact signed request(s), secrets masked, and send nothing')
    .option('-y, --yes', 'confirm without a prompt (required when stdin is not a terminal)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--ignore-missing', 'treat "not found" as success: the resource is already gone');
}

function io(flags: CommonFlags): Io {
  return { out: (line) => console.log(line), err: (line) => console.error(line), json: flags.json === true };
}

function singleSummary(kind: string, id: string) {
  return (r: ReleaseResult) =>
    r.alreadyGone
      ? `${kind} ${id} was already gone (requestId ${r.requestId ?? 'none'}).`
      : `Release of ${kind.toLowerCase()} ${id} accepted (requestId ${r.requestId}); it completes asynchronously.`;
}

function zenlayerRelease<R>(
  what: string,
  call: (client: ReturnType<typeof createZenlayerClient>, live: boolean) => Promise<R>,
  summary: (r: R) => string,
): Release<R> {
  return {
    api: 'zenlayer',
    what,
    perform: (target, fetch, live) =>
      call(createZenlayerClient({ ...zenlayerCredentials(process.env, target), baseUrl: target.baseUrl, fetch }), live),
    summary,
  };
}

const program = new Command('cloud-release')
  .description(
    'Release cloud resources for good, safely: typed, signed, confirmed.\nCredentials come from the environment only: ZENLAYER_ACCESS_KEY_ID, ZENLAYER_ACCESS_KEY_PASSWORD, OS_TOKEN.',
  )
  .exitOverride()
  .showHelpAfterError();

withCommonOptions(
  program
    .command('release-instances')
    .description('release Zenlayer VM instances (any number; sent in batches of 100)'),
  'Zenlayer API base URL',
)
  .argument('<ids...>', 'instance ids')
  .action(async (ids: string[], flags: CommonFlags) => {
    const unique = [...new Set(ids)];
    const release = zenlayerRelease(
      `release ${plural(unique.length, 'instance')} (${list(unique)})`,
      (client, live) =>
        client.releaseInstances(ids, {
          ignoreMissing: flags.ignoreMissing === true,
          ...(live && {
            onBatch: (p) => {
              if (p.total < 2) return;
              const outcome = p.error
                ? `FAILED: ${p.error.message}`
                : p.alreadyGone
                  ? 'already gone'
                  : `accepted (requestId ${p.requestId})`;
              console.error(`batch ${p.index + 1}/${p.total}: ${plural(p.ids.length, 'instance')} ${outcome}`);
            },
          }),
        }),
      (r: ReleaseInstancesResult) =>
        [
          `Release of ${plural(r.ids.length, 'instance')} accepted in ${plural(r.batches.length, 'request')}; it completes asynchronously.`,
          ...r.batches.map(
            (b) =>
              `  ${plural(b.ids.length, 'instance')} ${b.alreadyGone ? 'already gone' : 'accepted'}: requestId ${b.requestId}`,
          ),
        ].join('\n'),
    );
    process.exitCode = await runRelease(release, flags, io(flags));
  });

withCommonOptions(
  program.command('release-disk').description('release a Zenlayer ZEC data disk'),
  'Zenlayer API base URL',
)
  .argument('<diskId>', 'disk id')
  .action(async (diskId: string, flags: CommonFlags) => {
    const release = zenlayerRelease(
      `release disk ${diskId}`,
      (c) => c.releaseDisk(diskId, { ignoreMissing: flags.ignoreMissing === true }),
      singleSummary('Disk', diskId),
    );
    process.exitCode = await runRelease(release, flags, io(flags));
  });

withCommonOptions(
  program.command('destroy-port').description('destroy a Zenlayer SDN port (it must be in the recycle bin)'),
  'Zenlayer API base URL',
)
  .argument('<portId>', 'port id')
  .action(async (portId: string, flags: CommonFlags) => {
    const release = zenlayerRelease(
      `destroy port ${portId}`,
      (c) => c.destroyPort(portId, { ignoreMissing: flags.ignoreMissing === true }),
      singleSummary('Port', portId),
    );
    process.exitCode = await runRelease(release, flags, io(flags));
  });

const neutron = program.command('neutron').description('OpenStack Networking (Neutron) commands');
withCommonOptions(
  neutron.command('delete-port').description('delete a Neutron port (its addresses return to their pools)'),
  'Neutron network endpoint',
)
  .argument('<portId>', 'port UUID')
  .addOption(
    new Option('--if-match-revision <n>', 'delete only while the port is still at revision n').argParser((value) => {
      if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be an integer ≥ 0.');
      return Number(value);
    }),
  )
  .action(async (portId: string, flags: CommonFlags & { ifMatchRevision?: number }) => {
    const release: Release<{ alreadyGone: boolean }> = {
      api: 'neutron',
      what: `delete Neutron port ${portId}`,
      perform: (target, fetch) =>
        createNeutronClient({ baseUrl: target.baseUrl, token: neutronToken(process.env, target), fetch }).deletePort(
          portId,
          {
            ignoreMissing: flags.ignoreMissing === true,
            ...(flags.ifMatchRevision !== undefined && { ifMatchRevision: flags.ifMatchRevision }),
          },
        ),
      summary: (r) => (r.alreadyGone ? `Port ${portId} was already gone.` : `Port ${portId} deleted.`),
    };
    process.exitCode = await runRelease(release, flags, io(flags));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Help and --version exit 0; every other commander complaint is a usage error.
  const exitCode =
    error instanceof CommanderError &&
    (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version')
      ? EXIT.ok
      : EXIT.usage;
  process.exitCode = exitCode;
}
