// One live release-instances run: its batches journaled before they are reported, its state
// per id kept by the journal's own rules (so the account printed is the journal's), repeated
// requestIds noted, and the account of it when it ends, is interrupted, or the journal fails.
import {
  type BatchProgress,
  type ReleaseInstancesOptions,
  type ReleaseInstancesResult,
  ZenlayerBatchError,
  type ZenlayerClient,
} from '@cloud-release/client';
import { type Resolution, readInstanceStates } from './instance-resolve.js';
import type { Interruption } from './interrupt.js';
import type { Out } from './io.js';
import type { BatchOutcome, JournalEvent } from './journal/events.js';
import type { IdStates } from './journal/states.js';
import { JournalWriteError, type JournalWriter } from './journal/writer.js';
import type { RequestIdWatch } from './request-ids.js';
import { plural, sanitize } from './text.js';

/** Ids released in one call, with their own ignore-missing setting (unknown ones on resume). */
export interface Group {
  ids: string[];
  ignoreMissing: boolean;
}

export interface Account {
  total: number;
  accepted: number;
  refused: number;
  unknown: string[];
  notSent: number;
}

const ACTION = 'ReleaseInstances';

/**
 * A batch's outcome as the journal records it: a refusal that never connected is "not-sent".
 * (An error that says "not-sent" only ever comes with a "refused" batch: an unknown part would
 * be the batch's error instead.)
 */
function outcomeOf(p: BatchProgress): BatchOutcome {
  return p.error?.outcome === 'not-sent' ? 'not-sent' : p.outcome;
}

/** The requestIds one progress report carries (several when ignore-missing split its batch). */
function requestIdsOf(p: BatchProgress): string[] {
  const ids = p.requestId ? p.requestId.split(', ') : [];
  const refused = (p.error as { requestId?: unknown } | undefined)?.requestId;
  return typeof refused === 'string' ? [...ids, refused] : ids;
}

export class InstanceRun {
  private offset = 0;
  /** Ids a read found released in this run. */
  readonly foundReleased: string[] = [];

  constructor(
    /** Every id of the run (on resume, every id the journal names). */
    private readonly allIds: string[],
    /** State per id: from the resumed journal, then kept in step with every line written. */
    private readonly states: IdStates,
    private readonly journal: JournalWriter | undefined,
    private readonly out: Out,
    private readonly requestIds: RequestIdWatch,
  ) {}

  /**
   * Reads the ids whose outcome is unknown (see instance-resolve.ts), journals what each read
   * found, and returns the ids still there: the ones to send again.
   */
  async settleUnknown(client: ZenlayerClient, ids: string[], signal: AbortSignal): Promise<string[]> {
    const again: string[] = [];
    await readInstanceStates(
      client,
      ids,
      (resolutions) => {
        this.recordRead(resolutions);
        for (const r of resolutions) if (r.found === 'not-released') again.push(...r.ids);
      },
      signal,
    );
    return again;
  }

  /** Records what a read found of ids whose outcome was unknown; says so once it is on disk. */
  private recordRead(resolutions: Resolution[]): void {
    for (const r of resolutions) {
      const again = this.requestIds.see(r.requestId);
      this.record({
        event: 'resolved',
        action: 'DescribeInstances',
        ids: r.ids,
        found: r.found,
        status: r.status,
        requestId: r.requestId,
        ...(again.length > 0 && { repeatedRequestId: true }),
      });
      this.requestIds.warn(again);
      if (r.found === 'released') this.foundReleased.push(...r.ids);
      const state = r.status === null ? 'gone' : r.status;
      this.out.err(
        `read: ${plural(r.ids.length, 'instance')} with an unknown outcome ${r.found === 'released' ? `released (${state})` : `not released (${state}): sent again`}`,
      );
      if (r.status === 'RECYCLE')
        this.out.err(
          '  still in the recycle bin after a release attempt: counted as released; release them again to purge them now.',
        );
    }
  }

  async run(client: ZenlayerClient, groups: Group[], interruption: Interruption): Promise<ReleaseInstancesResult> {
    const result: ReleaseInstancesResult = { ids: [], batches: [] };
    let firstError: unknown;
    for (const group of groups) {
      if (group.ids.length === 0 || interruption.stopSignal.aborted || this.journal?.failure) continue;
      try {
        const r = await client.releaseInstances(group.ids, this.options(group, interruption));
        result.ids.push(...r.ids);
        result.batches.push(...r.batches);
      } catch (error) {
        firstError ??= error;
        if (error instanceof ZenlayerBatchError) this.reconcile(error);
      } finally {
        this.offset += Math.ceil(group.ids.length / 100);
      }
    }
    // A journal that failed is the run's failure, whatever the server said: the batches it could
    // not record are not reported as done.
    if (this.journal?.failure) throw this.journal.failure;
    if (firstError !== undefined) throw firstError;
    return result;
  }

  private options(group: Group, interruption: Interruption): ReleaseInstancesOptions {
    const offset = this.offset;
    return {
      ignoreMissing: group.ignoreMissing,
      stopSignal: interruption.stopSignal,
      signal: interruption.signal,
      // A "sending" line the journal cannot take throws here, and the client sends nothing more:
      // that batch stays not sent.
      onBatchStart: ({ index, ids }) => {
        this.record({ event: 'sending', action: ACTION, batch: offset + index, ids });
      },
      onBatch: (p) => {
        try {
          this.recordOutcome(offset, p);
        } catch (error) {
          // The client ignores what onBatch throws; the writer is broken now, so the next
          // batch's "sending" line throws and nothing more is sent. This batch is not reported.
          if (error instanceof JournalWriteError) return;
          throw error;
        }
      },
    };
  }

  private recordOutcome(offset: number, p: BatchProgress): void {
    const outcome = outcomeOf(p);
    const unsent = new Set(p.notSent);
    const sent = p.ids.filter((id) => !unsent.has(id));
    if (unsent.size)
      this.record({ event: 'outcome', action: ACTION, batch: offset + p.index, ids: [...unsent], outcome: 'not-sent' });
    const again = this.requestIds.see(...requestIdsOf(p));
    this.record({
      event: 'outcome',
      action: ACTION,
      batch: offset + p.index,
      ids: sent,
      outcome,
      ...(p.alreadyGone && { alreadyGone: true }),
      requestId: p.requestId,
      code: p.error?.code,
      ...(p.error && { error: p.error.message.slice(0, 500) }),
      ...(again.length > 0 && { repeatedRequestId: true }),
    });
    // Reported only now that the journal has it on disk.
    this.requestIds.warn(again);
    if (p.total < 2) return;
    const what = p.error
      ? `${outcome === 'unknown' ? 'OUTCOME UNKNOWN' : 'FAILED'}: ${sanitize(p.error.message)}`
      : p.alreadyGone
        ? 'already gone'
        : `accepted (requestId ${sanitize(String(p.requestId))})`;
    this.out.err(`batch ${p.index + 1}/${p.total}: ${plural(p.ids.length, 'instance')} ${what}`);
  }

  /** Writes a line (throws JournalWriteError), then applies it to the state: never the other way round. */
  private record(event: JournalEvent): void {
    this.journal?.write(event);
    this.states.apply(event);
  }

  /**
   * A batch split one id at a time (ignore-missing) can end "refused" while some of its ids
   * were accepted: the final account lists those, so the journal records them too, and a
   * resumed run never sends them again.
   */
  private reconcile(error: ZenlayerBatchError): void {
    for (const r of error.released) {
      const ids = r.ids.filter((id) => this.states.get(id) !== 'accepted');
      if (!ids.length) continue;
      try {
        this.record({
          event: 'outcome',
          action: ACTION,
          batch: -1,
          ids,
          outcome: 'accepted',
          requestId: r.requestId,
          alreadyGone: r.alreadyGone,
        });
      } catch (failure) {
        if (failure instanceof JournalWriteError) return;
        throw failure;
      }
    }
  }

  account(): Account {
    return accountFrom(this.allIds, this.states);
  }
}

/** The account of a run's ids as the journal's states give it. */
export function accountFrom(ids: string[], states: IdStates): Account {
  const a: Account = { total: ids.length, accepted: 0, refused: 0, unknown: [], notSent: 0 };
  for (const id of ids) {
    const s = states.get(id);
    if (s === 'accepted' || s === 'released') a.accepted++;
    else if (s === 'refused') a.refused++;
    else if (s === 'unknown' || s === 'sending') a.unknown.push(id);
    else a.notSent++;
  }
  return a;
}
