// release-instances: any number of Zenlayer instances, sent in batches of 100, journaled,
// resumable, and stoppable with Ctrl-C without losing the account of what was sent.

import { resolve } from 'node:path';
import { createZenlayerClient, describeIds } from '@cloud-release/client';
import { type Command, Option } from 'commander';
import { seedHelp } from './embedded-seed.js';
import type { Finish } from './finish.js';
import { collectIds } from './ids.js';
import { accountJson, printAccount, resumeCommand, successSummary } from './instance-report.js';
import { type Group, InstanceRun } from './instance-run.js';
import { watchInterrupts } from './interrupt.js';
import { type CliIo, lineOutput } from './io.js';
import { type BatchOutcome, type JournalWriter, readJournal, resumePlan } from './journal.js';
import { withCommonOptions } from './options.js';
import { type CallContext, type CommonFlags, type Release, runRelease } from './release.js';
import { reportError } from './report.js';
import { EMBEDDED, noteInterruption, openRunJournal } from './run-journal.js';
import { zenlayerCredentials } from './target.js';
import { plural } from './text.js';
import { EXIT, helpHint, UsageError } from './usage.js';

interface InstanceFlags extends CommonFlags {
  idsFile?: string;
  journal?: string;
  resume?: string;
}

export function addInstanceCommand(program: Command, io: CliIo, finish: Finish): void {
  withCommonOptions(
    program
      .command('release-instances')
      .description('release Zenlayer VM instances (any number; sent in batches of 100)'),
    'Zenlayer API base URL',
  )
    .argument('[ids...]', 'instance ids')
    .addHelpText('after', seedHelp('zenlayer', 'release-instances'))
    .addOption(new Option('--ids-file <path>', 'read ids from a file, one per line (# comments); - reads stdin'))
    .addOption(new Option('--journal <path>', 'append one JSON line per batch, on disk before it is reported'))
    .addOption(new Option('--resume <journal>', 'send only what the journal does not record as accepted'))
    .action(async (args: string[], flags: InstanceFlags) => {
      let release: Release<unknown>;
      try {
        release = await instanceRelease(args, flags, io);
      } catch (error) {
        return finish(reportError(error, lineOutput(io, flags.json === true)));
      }
      finish(await runRelease(release, flags, io));
    });
}

/** Everything checked before anything starts: the ids, or the journal being resumed. */
async function instanceRelease(args: string[], flags: InstanceFlags, io: CliIo): Promise<Release<unknown>> {
  let groups: Group[];
  let allIds: string[];
  let states = new Map<string, BatchOutcome | 'sending'>();
  let earlier = 0;
  if (flags.resume !== undefined) {
    if (args.length || flags.idsFile !== undefined || flags.journal !== undefined)
      throw new UsageError(
        '--resume takes its ids from the journal and appends to it: no ids, --ids-file or --journal',
        helpHint('release-instances'),
      );
    const state = readJournal(resolve(io.cwd, flags.resume));
    const wanted = state.endpoint === EMBEDDED ? undefined : state.endpoint;
    if ((flags.endpoint?.replace(/\/+$/, '') ?? undefined) !== wanted)
      throw new UsageError(
        `${flags.resume} was written against ${wanted ?? 'the embedded mock'}: resume with ${wanted ? `--endpoint ${wanted}` : 'no --endpoint'}`,
      );
    const plan = resumePlan(state);
    const ignoreMissing = flags.ignoreMissing === true || state.ignoreMissing;
    groups = [
      { ids: plan.unknown, ignoreMissing: true },
      { ids: plan.rest, ignoreMissing },
    ];
    ({ ids: allIds, states } = state);
    earlier = plan.accepted;
    if (plan.unknown.length + plan.rest.length === 0)
      throw new UsageError(`${flags.resume}: every instance is already recorded as accepted; nothing to resume`);
  } else {
    const ids = await collectIds(args, flags.idsFile, io.stdin);
    allIds = [...new Set(ids)];
    groups = [{ ids, ignoreMissing: flags.ignoreMissing === true }];
  }
  const toSend = groups.flatMap((g) => g.ids);
  let journal: JournalWriter | undefined;
  let run: InstanceRun | undefined;
  let interruptedBy: string | undefined;
  let target: CallContext | undefined;

  return {
    api: 'zenlayer',
    what: `release ${plural(toSend.length, 'instance')} (${describeIds(toSend)})`,
    perform: async (ctx) => {
      const client = createZenlayerClient({
        ...zenlayerCredentials(io.env, ctx),
        baseUrl: ctx.baseUrl,
        fetch: ctx.fetch,
      });
      if (!ctx.live) {
        for (const g of groups)
          if (g.ids.length) await client.releaseInstances(g.ids, { ignoreMissing: g.ignoreMissing });
        return undefined;
      }
      target = ctx;
      journal = openRunJournal(flags, io, allIds, groups, ctx);
      run = new InstanceRun(allIds, states, journal, ctx.out);
      const interruption = watchInterrupts(io.signals, {
        onStop: (signal, drainMs) => {
          interruptedBy = signal;
          noteInterruption(journal, signal, false);
          ctx.out.err(
            `${signal}: no new batches; waiting up to ${drainMs / 1000} s for the batches in flight (again to abort them).`,
          );
        },
        onAbort: (reason) => {
          noteInterruption(journal, reason, true);
          ctx.out.err(`Aborting the batches in flight (${reason}); they will be recorded as unknown.`);
        },
      });
      try {
        const result = await run.run(client, groups, interruption);
        // Stopped by the user: the run ends as interrupted (exit 130) even if nothing was left.
        if (interruptedBy) throw new Error(`interrupted by ${interruptedBy}`);
        return result;
      } finally {
        interruption.dispose();
        journal?.write({ event: 'summary', ...counts(run), interrupted: interruptedBy !== undefined });
        journal?.close();
      }
    },
    summary: (result) => successSummary(result as never, journal?.path, earlier),
    onFailure: (error, out) => {
      if (!run || !target) return undefined;
      const a = run.account();
      const endpoint = target.embedded ? undefined : target.baseUrl;
      const account = {
        ...a,
        journal: journal?.path,
        resume: journal ? resumeCommand(journal.path, endpoint) : undefined,
        interrupted: interruptedBy !== undefined,
      };
      if (account.interrupted) {
        if (out.json)
          out.out(JSON.stringify({ ok: false, endpoint: target.baseUrl, ...accountJson(account) }, null, 2));
        else printAccount(account, out);
        return EXIT.interrupted;
      }
      const code = reportError(error, out, target.baseUrl, accountJson(account));
      if (!out.json) printAccount(account, out);
      return code;
    },
  };
}

function counts(run: InstanceRun) {
  const a = run.account();
  return { accepted: a.accepted, refused: a.refused, unknown: a.unknown.length, notSent: a.notSent };
}
