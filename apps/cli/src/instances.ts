// release-instances: any number of Zenlayer instances, sent in batches of 100.
import { createZenlayerClient, describeIds, type ReleaseInstancesResult } from '@cloud-release/client';
import { type Command, Option } from 'commander';
import { collectIds } from './ids.js';
import type { CliIo } from './io.js';
import type { Finish } from './main.js';
import { withCommonOptions } from './options.js';
import { type CommonFlags, runRelease } from './release.js';
import { zenlayerCredentials } from './target.js';
import { plural, sanitize } from './text.js';

interface InstanceFlags extends CommonFlags {
  idsFile?: string;
}

function summary(r: ReleaseInstancesResult): string {
  return [
    `Release of ${plural(r.ids.length, 'instance')} accepted in ${plural(r.batches.length, 'request')}; it completes asynchronously.`,
    ...r.batches.map(
      (b) =>
        `  ${plural(b.ids.length, 'instance')} ${b.alreadyGone ? 'already gone' : 'accepted'}: requestId ${b.requestId}`,
    ),
  ].join('\n');
}

export function addInstanceCommand(program: Command, io: CliIo, finish: Finish): void {
  withCommonOptions(
    program
      .command('release-instances')
      .description('release Zenlayer VM instances (any number; sent in batches of 100)'),
    'Zenlayer API base URL',
  )
    .argument('[ids...]', 'instance ids')
    .addOption(new Option('--ids-file <path>', 'read ids from a file, one per line (# comments); - reads stdin'))
    .action(async (args: string[], flags: InstanceFlags) => {
      let ids: string[];
      try {
        ids = await collectIds(args, flags.idsFile, io.stdin);
      } catch (error) {
        return finish(await runRelease(failing(error), flags, io));
      }
      const unique = [...new Set(ids)];
      const code = await runRelease(
        {
          api: 'zenlayer',
          what: `release ${plural(unique.length, 'instance')} (${describeIds(unique)})`,
          perform: ({ baseUrl, fetch, embedded, dryRun, live, out }) =>
            createZenlayerClient({
              ...zenlayerCredentials(io.env, { embedded, dryRun }),
              baseUrl,
              fetch,
            }).releaseInstances(ids, {
              ignoreMissing: flags.ignoreMissing === true,
              ...(live && {
                onBatch: (p) => {
                  if (p.total < 2) return;
                  const outcome = p.error
                    ? `FAILED: ${sanitize(p.error.message)}`
                    : p.alreadyGone
                      ? 'already gone'
                      : `accepted (requestId ${p.requestId})`;
                  out.err(`batch ${p.index + 1}/${p.total}: ${plural(p.ids.length, 'instance')} ${outcome}`);
                },
              }),
            }),
          summary,
        },
        flags,
        io,
      );
      finish(code);
    });
}

/** A release that only reports `error`, through the usual error path. */
function failing(error: unknown) {
  return {
    api: 'zenlayer' as const,
    what: '',
    perform: () => Promise.reject(error),
    summary: () => '',
  };
}
