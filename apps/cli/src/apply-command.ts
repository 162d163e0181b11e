// `cloud-release apply <plan>`: carries out a plan and nothing else. The plan's digest is
// checked; a person confirms by typing how many resources go; every resource is read again and
// any drift is refused, naming each, before anything is sent; then the client's teardown()
// runs, each state-changing call journaled before it is sent and after its answer.

import { resolve } from 'node:path';
import {
  NEUTRON_WAIT,
  type TeardownResource,
  type TeardownResult,
  teardown,
  type WaiterTimings,
  ZENLAYER_WAIT,
} from '@cloud-release/client';
import { type Command, Option } from 'commander';
import { exitFor, printResults } from './apply/account.js';
import { checkDrift, checkResume, endpointsOf, toDestroy } from './apply/checks.js';
import { applyJournalPath, openApplyJournal, readApplyJournal, resultLine, stepLine } from './apply/journal.js';
import { progressFor } from './apply/progress.js';
import { creditJournal } from './apply/resumed-ends.js';
import { confirmCount } from './confirm.js';
import { parseDuration } from './duration.js';
import type { Finish } from './finish.js';
import { watchInterrupts } from './interrupt.js';
import { type CliIo, lineOutput, type Out } from './io.js';
import { JournalWriteError, type JournalWriter } from './journal/writer.js';
import { readPlan } from './plan/file.js';
import { openProviders } from './plan/providers.js';
import { planTable } from './plan/table.js';
import { reportError } from './report.js';
import { plural, sanitize } from './text.js';
import { EXIT, UsageError } from './usage.js';

interface ApplyFlags {
  yes?: boolean;
  journal?: string;
  resume?: string;
  maxWait?: number;
  json?: boolean;
}

/** --max-wait bounds each wait; a short one polls sooner, so it still gets a few polls in. */
function timings(defaults: Required<WaiterTimings>, maxWaitMs: number | undefined): WaiterTimings {
  if (maxWaitMs === undefined) return {};
  return {
    maxWaitMs,
    minDelayMs: Math.min(defaults.minDelayMs, maxWaitMs / 4),
    maxDelayMs: Math.min(defaults.maxDelayMs, maxWaitMs / 2),
  };
}

async function apply(planPath: string, flags: ApplyFlags, io: CliIo, out: Out): Promise<number> {
  const plan = readPlan(resolve(io.cwd, planPath));
  const destroy = toDestroy(plan, planPath);
  const given = endpointsOf(plan, planPath);
  const resumed = flags.resume === undefined ? undefined : readApplyJournal(applyJournalPath(flags, io));
  if (resumed) {
    for (const h of resumed.headers)
      if (h.digest !== plan.digest)
        throw new UsageError(
          `--resume ${flags.resume}: line ${h.line} carries out plan ${h.digest}, not this one (${plan.digest})`,
        );
  }
  for (const line of planTable(plan)) out.err(line);
  if (destroy.length === 0) {
    out.out(out.json ? JSON.stringify({ ok: true, digest: plan.digest, results: [] }, null, 2) : 'Nothing to destroy.');
    return EXIT.ok;
  }
  // The providers the plan read (so the account compares like for like).
  const need = { zenlayer: plan.endpoints?.zenlayer !== undefined, neutron: plan.endpoints?.neutron !== undefined };
  const providers = await openProviders(need, given, io, out);
  let journal: JournalWriter | undefined;
  try {
    if (plan.account !== providers.account)
      throw new UsageError(
        `plan ${planPath} was made as ${sanitize(String(plan.account))}, this run is ${providers.account}: apply it with the credentials that made it, or make a new plan`,
      );
    if (resumed) checkResume(resumed, providers, flags.resume!);
    const where = Object.values(providers.endpoints).join(' and ');
    await confirmCount(destroy.length, where, flags.yes === true, io);
    const drifted = await checkDrift(destroy, providers, resumed, out);
    if (drifted.length > 0) {
      out.err(
        `error: ${plural(drifted.length, 'resource')} drifted since the plan; nothing was sent. Make a new plan.`,
      );
      for (const line of drifted) out.err(`  drift: ${line}`);
      if (out.json) out.out(JSON.stringify({ ok: false, digest: plan.digest, drift: drifted }, null, 2));
      return EXIT.apiError;
    }
    const path = applyJournalPath(flags, io);
    journal = openApplyJournal(path, io, {
      digest: plan.digest,
      endpoints: providers.endpoints,
      account: providers.account,
      resume: resumed !== undefined,
    });
    out.err(
      `Journal: ${path} (continue an interrupted run with: cloud-release apply ${resolve(io.cwd, planPath)} --resume ${path})`,
    );
    const resources: TeardownResource[] = destroy.map((r) => ({ provider: r.provider, type: r.type, id: r.id }));
    out.err(`Tearing down ${plural(resources.length, 'resource')}…`);
    const progress = progressFor(io, out, resources.length);
    let interrupted = false;
    const watch = watchInterrupts(io.signals, {
      onStop: (signal, drainMs) => {
        interrupted = true;
        progress.note(
          `${signal}: no new steps start; waiting up to ${drainMs / 1000} s for calls in flight (again to abort them)`,
        );
        try {
          journal?.write({ event: 'interrupted', signal, abort: false });
        } catch {}
      },
      onAbort: (reason) => {
        progress.note(`aborting calls in flight: ${reason}`);
        try {
          journal?.write({ event: 'interrupted', signal: reason, abort: true });
        } catch {}
      },
    });
    let results: TeardownResult[];
    try {
      results = await teardown({
        ...(providers.zenlayer && { zenlayer: providers.zenlayer }),
        ...(providers.neutron && { neutron: providers.neutron }),
        resources,
        options: {
          zenlayerWait: timings(ZENLAYER_WAIT, flags.maxWait),
          neutronWait: timings(NEUTRON_WAIT, flags.maxWait),
          ...(io.waiterClock && { clock: io.waiterClock }),
          stopSignal: watch.stopSignal,
          signal: watch.signal,
          onStep: (event) => {
            const line = stepLine(event);
            // A `before` that cannot be written stops the call (the client sends nothing). An
            // `after` is on disk by the next `before` (or the end): lost, its call reads as unknown.
            if (event.phase === 'before') journal!.write(line);
            else
              try {
                journal!.write(line, { sync: false });
              } catch {}
            progress.step(event);
          },
        },
      });
    } finally {
      watch.dispose();
      progress.done();
    }
    results = creditJournal(results, resumed);
    for (const r of results)
      try {
        journal.write(resultLine(r), { sync: false });
      } catch {}
    if (out.json)
      out.out(
        JSON.stringify(
          { ok: exitFor(results, interrupted) === EXIT.ok, digest: plan.digest, journal: path, results },
          null,
          2,
        ),
      );
    else printResults(results, out);
    if (journal.failure) {
      out.err(`error: ${journal.failure.message}`);
      return EXIT.journal;
    }
    return exitFor(results, interrupted);
  } finally {
    journal?.close();
    await providers.close();
  }
}

export function addApplyCommand(program: Command, io: CliIo, finish: Finish): void {
  program
    .command('apply')
    .description('carry out a plan: confirm, refuse drift, tear down, journal every call')
    .argument('<plan>', "a plan file written by 'cloud-release plan'")
    .option('-y, --yes', 'confirm without a prompt (only when stdin is not a terminal)')
    .option(
      '--journal <path>',
      'append one JSON line before and after every call that changes state (default: a new file here)',
    )
    .option('--resume <journal>', 'continue the run this journal records; no call it records as accepted is sent again')
    .addOption(
      new Option('--max-wait <duration>', 'the longest each wait may take, e.g. 90s, 20m').argParser(parseDuration),
    )
    .option('--json', 'print the final account as JSON on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 every resource reached its planned end; 1 some refused or failed (or drift);\n3 some timed out or unknown (nothing refused); 2 usage, a plan that fails its digest, or not\nconfirmed; 130 interrupted (the first signal stops new steps and waits for those in flight).\n',
    )
    .action(async (planPath: string, flags: ApplyFlags) => {
      const out = lineOutput(io, flags.json === true);
      try {
        finish(await apply(planPath, flags, io, out));
      } catch (error) {
        if (error instanceof JournalWriteError) {
          out.err(`error: ${error.message}`);
          return finish(EXIT.journal);
        }
        finish(reportError(error, out));
      }
    });
}
