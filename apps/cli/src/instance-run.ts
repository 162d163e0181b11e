// One live release-instances run: its batches journaled before they are reported, its state
// per id kept in step with the journal, and the account of it when it ends or is interrupted.
import {
  type BatchProgress,
  type ReleaseInstancesOptions,
  type ReleaseInstancesResult,
  ZenlayerBatchError,
  type ZenlayerClient,
} from '@cloud-release/client';
import type { Interruption } from './interrupt.js';
import type { Out } from './io.js';
import type { BatchOutcome, JournalWriter } from './journal.js';
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

/**
 * A batch's outcome as the journal records it: a refusal that never connected is "not-sent".
 * (An error that says "not-sent" only ever comes with a "refused" batch: an unknown part would
 * be the batch's error instead.)
 */
function outcomeOf(p: BatchProgress): BatchOutcome {
  return p.error?.outcome === 'not-sent' ? 'not-sent' : p.outcome;
}

export class InstanceRun {
  private offset = 0;

  constructor(
    /** Every id of the run (on resume, the journal's). */
    private readonly allIds: string[],
    /** State per id: from the resumed journal, then kept in step with every line written. */
    private readonly states: Map<string, BatchOutcome | 'sending'>,
    private readonly journal: JournalWriter | undefined,
    private readonly out: Out,
  ) {}

  async run(client: ZenlayerClient, groups: Group[], interruption: Interruption): Promise<ReleaseInstancesResult> {
    const result: ReleaseInstancesResult = { ids: [], batches: [] };
    let firstError: unknown;
    for (const group of groups) {
      if (group.ids.length === 0 || interruption.stopSignal.aborted) continue;
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
        this.record({ event: 'sending', batch: offset + index, ids }, ids, 'sending');
      },
      onBatch: (p) => {
        const outcome = outcomeOf(p);
        const unsent = new Set(p.notSent);
        const sent = p.ids.filter((id) => !unsent.has(id));
        if (unsent.size)
          this.record(
            { event: 'outcome', batch: offset + p.index, ids: [...unsent], outcome: 'not-sent' },
            [...unsent],
            'not-sent',
          );
        this.record(
          {
            event: 'outcome',
            batch: offset + p.index,
            ids: sent,
            outcome,
            ...(p.alreadyGone && { alreadyGone: true }),
            requestId: p.requestId,
            code: p.error?.code,
            ...(p.error && { error: p.error.message.slice(0, 500) }),
          },
          sent,
          outcome,
        );
        // Reported only now that the journal has it on disk.
        if (p.total < 2) return;
        const what = p.error
          ? `${outcome === 'unknown' ? 'OUTCOME UNKNOWN' : 'FAILED'}: ${sanitize(p.error.message)}`
          : p.alreadyGone
            ? 'already gone'
            : `accepted (requestId ${sanitize(String(p.requestId))})`;
        this.out.err(`batch ${p.index + 1}/${p.total}: ${plural(p.ids.length, 'instance')} ${what}`);
      },
    };
  }

  private record(event: Parameters<JournalWriter['write']>[0], ids: string[], state: BatchOutcome | 'sending'): void {
    this.journal?.write(event);
    // No id is recorded once accepted: a resumed run sends none, and the client reports each id in one batch.
    for (const id of ids) this.states.set(id, state);
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
      const event = {
        event: 'outcome',
        ids,
        outcome: 'accepted',
        requestId: r.requestId,
        alreadyGone: r.alreadyGone,
      } as const;
      this.record({ ...event, batch: -1 }, ids, 'accepted');
    }
  }

  account(): Account {
    const a: Account = { total: this.allIds.length, accepted: 0, refused: 0, unknown: [], notSent: 0 };
    for (const id of this.allIds) {
      const s = this.states.get(id);
      if (s === 'accepted') a.accepted++;
      else if (s === 'refused') a.refused++;
      else if (s === 'unknown' || s === 'sending') a.unknown.push(id);
      else a.notSent++;
    }
    return a;
  }
}
