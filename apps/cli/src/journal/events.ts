// The journal's lines: one JSON object per line, each saying what it is (`event`) and which
// command wrote it (`command`), so a reader needs no other file. A run's first line (`run`, or
// `resume` when a run continues a journal) names where it was sent (`endpoint`, never with
// userinfo) and as whom (`account`, never a secret); the lines after it are that run's. The
// schema is the one every destroying command shares: `action` names the API operation a line
// is about, so one journal can hold several kinds of resource.

/** The version of this format, on every header line; a reader refuses any other. */
export const JOURNAL_FORMAT = 1;

/** A batch's outcome as its `outcome` line records it. */
export const OUTCOMES = ['accepted', 'refused', 'unknown', 'not-sent'] as const;
export type BatchOutcome = (typeof OUTCOMES)[number];

/** What a read found of ids whose outcome was unknown (`resolved` lines). */
export const FOUND = ['released', 'not-released'] as const;
export type Found = (typeof FOUND)[number];

export const EVENTS = ['run', 'resume', 'sending', 'outcome', 'resolved', 'interrupted', 'summary'] as const;
/** apply's journal has its own events (one line per onStep call and per resource's end). */
export const APPLY_EVENTS = ['apply', 'step', 'result', 'interrupted'] as const;

/** The events a journal written by `command` may hold. */
export const eventsOf = (command: string): readonly string[] => (command === 'apply' ? APPLY_EVENTS : EVENTS);

/** The outcome of a state-changing call as an `apply` journal's `step` line records it. */
export const STEP_OUTCOMES = ['accepted', 'already-done', 'refused', 'unknown'] as const;

/** Who and where: on every header line, compared by a resume with its own. */
export interface Header {
  format: typeof JOURNAL_FORMAT;
  endpoint: string;
  account: string;
}

export type JournalEvent =
  | ({ event: 'run'; ignoreMissing: boolean; ids: string[] } & Header)
  | ({ event: 'resume'; ids: string[]; unknown: string[] } & Header)
  | { event: 'sending'; action: string; batch: number; ids: string[] }
  | {
      event: 'outcome';
      action: string;
      batch: number;
      ids: string[];
      outcome: BatchOutcome;
      alreadyGone?: boolean;
      requestId?: string | undefined;
      code?: string | undefined;
      error?: string;
      /** This answer's requestId was already answered earlier in the same run. */
      repeatedRequestId?: boolean;
    }
  | {
      event: 'resolved';
      action: string;
      ids: string[];
      found: Found;
      /** The status the read gave, or null: the read did not list them (gone). */
      status: string | null;
      requestId?: string | undefined;
      repeatedRequestId?: boolean;
    }
  | { event: 'interrupted'; signal: string; abort: boolean }
  | { event: 'summary'; accepted: number; refused: number; unknown: number; notSent: number; interrupted: boolean }
  /** apply's header: the plan it carries out (by digest), where, as whom; `resume` on a --resume. */
  | {
      event: 'apply';
      format: typeof JOURNAL_FORMAT;
      digest: string;
      endpoints: { zenlayer?: string; neutron?: string };
      account: string;
      resume: boolean;
    }
  /** apply: the client's onStep, before and after each call that changes state. */
  | {
      event: 'step';
      phase: 'before' | 'after';
      step: string;
      provider: string;
      type: string;
      ids: string[];
      action: string;
      revision?: number;
      outcome?: (typeof STEP_OUTCOMES)[number];
      code?: string;
      requestId?: string;
    }
  /** apply: where one resource ended. */
  | {
      event: 'result';
      provider: string;
      type: string;
      id: string;
      result: string;
      step?: string;
      code?: string;
      status?: string | null;
    };

/** A line as written: the event, stamped with its time and its command. */
export type JournalLine = JournalEvent & { time: string; command: string };
