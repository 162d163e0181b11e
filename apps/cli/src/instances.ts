// release-instances: any number of Zenlayer instances, sent in batches of 100, journaled,
// resumable, and stoppable with Ctrl-C without losing the account of what was sent.

import { resolve } from 'node:path';
import { createZenlayerClient, describeIds } from '@cloud-release/client';
import { type Command, Option } from 'commander';
import { seedHelp } from './embedded-seed.js';
import type { Finish } from './finish.js';
import { collectIds } from './ids.js';
import {
  accountJson,
  journalFailureLine,
  type NothingLeft,
  printAccount,
  printNothingLeft,
  resumeCommand,
  successSummary,
} from './instance-report.js';
import { accountFrom, type Group, InstanceRun } from './instance-run.js';
import { watchInterrupts } from './interrupt.js';
import { type CliIo, lineOutput } from './io.js';
import { accountOf } from './journal/account.js';
import { EMBEDDED_ENDPOINT } from './journal/lines.js';
import { readJournal } from './journal/read.js';
import { checkResumable, resumePlan } from './journal/resume.js';
import { IdStates } from './journal/states.js';
import { JournalWriteError, type JournalWriter } from './journal/writer.js';
import { withCommonOptions } from './options.js';
import { type CallContext, type CommonFlags, type Release, runRelease } from './release.js';
import { reportError } from './report.js';
import { RequestIdWatch } from './request-ids.js';
import { COMMAND, checkJournalPath, journalPath, noteInterruption, openRunJournal } from './run-journal.js';
import { checkEndpoint, zenlayerCredentials } from './target.js';
import { plural } from './text.js';
import { EXIT, helpHint, UsageError } from './usage.js';

interface InstanceFlags extends CommonFlags {
  idsFile?: string;
  journal?: string;
  resume?: string;
}

export function addInstanceCommand(program: Command, io: CliIo, finish: Finish): void {
  withCommonOptions(
    program.command(COMMAND).description('release Zenlayer VM instances (any number; sent in batches of 100)'),
    'Zenlayer API base URL',
  )
    .argument('[ids...]', 'instance ids')
    .addHelpText('after', seedHelp('zenlayer', COMMAND))
    .addOption(new Option('--ids-file <path>', 'read ids from a file, one per line (# comments); - reads stdin'))
    .addOption(new Option('--journal <path>', 'append one JSON line per batch, on disk before it is reported'))
    .addOption(
      new Option('--resume <journal>', 'read what the journal left unknown, then send only what is not released'),
    )
    .action(async (args: string[], flags: InstanceFlags) => {
      const out = lineOutput(io, flags.json === true);
      let release: Release<unknown> | NothingLeft;
      try {
        release = await instanceRelease(args, flags, io);
      } catch (error) {
        return finish(reportError(error, out));
      }
      if ('total' in release) return finish(printNothingLeft(release, out));
      finish(await runRelease(release, flags, io));
    });
}

/** The account a run's credentials give, or undefined for a dry run without credentials. */
function ownAccount(io: CliIo, embedded: boolean, dryRun: boolean): string | undefined {
  try {
    return accountOf(zenlayerCredentials(io.env, { embedded, dryRun: false }));
  } catch (error) {
    if (dryRun) return undefined;
    throw error;
  }
}

/** Everything checked before anything starts: the ids, or the journal being resumed. */
async function instanceRelease(
  args: string[],
  flags: InstanceFlags,
  io: CliIo,
): Promise<Release<unknown> | NothingLeft> {
  let allIds: string[];
  let states = new IdStates();
  let unknown: string[] = [];
  let rest: string[];
  let ignoreMissing = flags.ignoreMissing === true;
  let earlier = 0;
  const resuming = flags.resume !== undefined;
  if (flags.resume !== undefined) {
    if (args.length || flags.idsFile !== undefined || flags.journal !== undefined)
      throw new UsageError(
        '--resume takes its ids from the journal and appends to it: no ids, --ids-file or --journal',
        helpHint(COMMAND),
      );
    const journal = readJournal(resolve(io.cwd, flags.resume), COMMAND);
    const embedded = flags.endpoint === undefined;
    const account = ownAccount(io, embedded, flags.dryRun === true);
    const endpoint = checkEndpoint(flags.endpoint) ?? EMBEDDED_ENDPOINT;
    checkResumable(journal, { endpoint, account: account ?? journal.headers[0]!.account });
    const plan = resumePlan(journal);
    ({ unknown, rest } = plan);
    ({ ids: allIds, states } = journal);
    earlier = plan.done;
    ignoreMissing ||= journal.ignoreMissing;
    if (unknown.length + rest.length === 0) return { journal: journal.path, endpoint, total: allIds.length };
  } else {
    const ids = await collectIds(args, flags.idsFile, io.stdin);
    checkJournalPath(flags, io);
    allIds = [...new Set(ids)];
    rest = ids;
  }
  const toSend = [...unknown, ...rest];
  let journal: JournalWriter | undefined;
  let run: InstanceRun | undefined;
  let watch: RequestIdWatch | undefined;
  let interruptedBy: string | undefined;
  let target: CallContext | undefined;

  return {
    api: 'zenlayer',
    what: `release ${plural(toSend.length, 'instance')} (${describeIds(toSend)})`,
    perform: async (ctx) => {
      const credentials = zenlayerCredentials(io.env, ctx);
      const client = createZenlayerClient({ ...credentials, baseUrl: ctx.baseUrl, fetch: ctx.fetch });
      if (!ctx.live) {
        // The offline passes: every id checked, and on --dry-run every request shown (the reads
        // of the unknown ids, then the releases; the dry-run fetch answers them all the same).
        for (let i = 0; i < unknown.length; i += 100) await client.describeInstances(unknown.slice(i, i + 100));
        for (const g of [unknown, rest]) if (g.length) await client.releaseInstances(g, { ignoreMissing });
        return undefined;
      }
      target = ctx;
      watch = new RequestIdWatch(ctx.out);
      const path = journalPath(flags, io, allIds.length);
      const endpoint = ctx.embedded ? EMBEDDED_ENDPOINT : ctx.baseUrl;
      const account = accountOf(credentials);
      if (path !== undefined) {
        journal = openRunJournal(
          path,
          io,
          flags,
          resuming
            ? { event: 'resume', endpoint, account, ids: toSend, unknown }
            : { event: 'run', endpoint, account, ignoreMissing, ids: allIds },
        );
        ctx.out.err(`Journal: ${path}`);
      }
      const live = new InstanceRun(allIds, states, journal, ctx.out, watch);
      run = live;
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
        // Unknown outcomes are settled by a read before anything is sent again.
        const again = await live.settleUnknown(client, unknown, interruption.signal);
        const groups: Group[] = [
          { ids: again, ignoreMissing: true },
          { ids: rest, ignoreMissing },
        ];
        const result = await live.run(client, groups, interruption);
        // Stopped by the user: the run ends as interrupted (exit 130) even if nothing was left.
        if (interruptedBy) throw new Error(`interrupted by ${interruptedBy}`);
        return result;
      } finally {
        interruption.dispose();
        // The summary is for readers; a resume never needs it, so a journal too full for it
        // costs nothing but the line (a failure before it is reported as such).
        try {
          journal?.write({ event: 'summary', ...counts(live), interrupted: interruptedBy !== undefined });
        } catch {}
        journal?.close();
      }
    },
    summary: (result) => successSummary(result as never, journal?.path, earlier, run?.foundReleased ?? []),
    extra: () => ({
      ...(run?.foundReleased.length && { foundReleased: run.foundReleased }),
      ...(watch?.repeated.length && { repeatedRequestIds: watch.repeated }),
    }),
    onFailure: (error, out) => {
      if (!target) return undefined;
      const endpoint = target.embedded ? undefined : target.baseUrl;
      const a = run?.account() ?? accountFrom(allIds, states);
      const account = {
        ...a,
        journal: journal?.path,
        resume: journal ? resumeCommand(journal.path, endpoint) : undefined,
        interrupted: interruptedBy !== undefined,
        repeatedRequestIds: watch?.repeated ?? [],
      };
      if (error instanceof JournalWriteError) {
        // One line: what the journal holds, what it lost, and that nothing was sent after.
        if (out.json)
          out.out(
            JSON.stringify(
              { ok: false, endpoint: target.baseUrl, ...accountJson(account), error: error.toJSON() },
              null,
              2,
            ),
          );
        else out.err(journalFailureLine(error, account, run === undefined));
        return EXIT.journal;
      }
      if (!run) return undefined;
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
