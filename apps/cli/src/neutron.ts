// neutron delete-port: OpenStack Networking's Delete Port.

import { createNeutronClient } from '@cloud-release/client';
import { type Command, Option } from 'commander';
import { seedHelp } from './embedded-seed.js';
import type { Finish } from './finish.js';
import type { CliIo } from './io.js';
import { nonNegativeInteger, withCommonOptions } from './options.js';
import { type CommonFlags, runRelease } from './release.js';
import { neutronToken } from './target.js';

export function addNeutronCommands(program: Command, io: CliIo, finish: Finish): void {
  const neutron = program.command('neutron').description('OpenStack Networking (Neutron) commands');
  withCommonOptions(
    neutron.command('delete-port').description('delete a Neutron port (its addresses return to their pools)'),
    'Neutron network endpoint',
  )
    .argument('<portId>', 'port UUID')
    .addHelpText('after', seedHelp('neutron', 'neutron delete-port'))
    .addOption(
      new Option('--if-match-revision <n>', 'delete only while the port is still at revision n').argParser(
        nonNegativeInteger,
      ),
    )
    .action(async (portId: string, flags: CommonFlags & { ifMatchRevision?: number }) => {
      const code = await runRelease(
        {
          api: 'neutron',
          what: `delete Neutron port ${portId}`,
          perform: ({ baseUrl, fetch, embedded, dryRun }) =>
            createNeutronClient({ baseUrl, token: neutronToken(io.env, { embedded, dryRun }), fetch }).deletePort(
              portId,
              {
                ignoreMissing: flags.ignoreMissing === true,
                ...(flags.ifMatchRevision !== undefined && { ifMatchRevision: flags.ifMatchRevision }),
              },
            ),
          summary: (r) => (r.alreadyGone ? `Port ${portId} was already gone.` : `Port ${portId} deleted.`),
        },
        flags,
        io,
      );
      finish(code);
    });
}
