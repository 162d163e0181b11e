// release-disk and destroy-port: one Zenlayer resource each.

import { createZenlayerClient, type ReleaseResult } from '@cloud-release/client';
import type { Command } from 'commander';
import { seedHelp } from './embedded-seed.js';
import type { Finish } from './finish.js';
import type { CliIo } from './io.js';
import { withCommonOptions } from './options.js';
import { type CommonFlags, runRelease } from './release.js';
import { zenlayerCredentials } from './target.js';
import { sanitize } from './text.js';

function singleSummary(kind: string, id: string) {
  return (r: ReleaseResult) =>
    r.alreadyGone
      ? `${kind} ${id} was already gone (requestId ${sanitize(r.requestId ?? 'none')}).`
      : `Release of ${kind.toLowerCase()} ${id} accepted (requestId ${sanitize(String(r.requestId))}); it completes asynchronously.`;
}

const COMMANDS = [
  { name: 'release-disk', help: 'release a Zenlayer ZEC data disk', arg: 'diskId', kind: 'Disk', verb: 'release' },
  {
    name: 'destroy-port',
    help: 'destroy a Zenlayer SDN port (it must be in the recycle bin)',
    arg: 'portId',
    kind: 'Port',
    verb: 'destroy',
  },
] as const;

export function addSingleZenlayerCommands(program: Command, io: CliIo, finish: Finish): void {
  for (const c of COMMANDS) {
    withCommonOptions(program.command(c.name).description(c.help), 'Zenlayer API base URL')
      .argument(`<${c.arg}>`, `${c.kind.toLowerCase()} id`)
      .addHelpText('after', seedHelp('zenlayer', c.name))
      .action(async (id: string, flags: CommonFlags) => {
        const code = await runRelease(
          {
            api: 'zenlayer',
            what: `${c.verb} ${c.kind.toLowerCase()} ${id}`,
            perform: ({ baseUrl, fetch, embedded, dryRun }) => {
              const client = createZenlayerClient({
                ...zenlayerCredentials(io.env, { embedded, dryRun }),
                baseUrl,
                fetch,
              });
              const options = { ignoreMissing: flags.ignoreMissing === true };
              return c.name === 'release-disk' ? client.releaseDisk(id, options) : client.destroyPort(id, options);
            },
            summary: singleSummary(c.kind, id),
          },
          flags,
          io,
        );
        finish(code);
      });
  }
}
