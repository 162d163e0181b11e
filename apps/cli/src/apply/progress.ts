// apply's progress: on a terminal, one live line redrawn in place (calls sent and accepted per
// phase, elapsed time); anywhere else, a plain line before and after each state-changing call.
import type { StepEvent } from '@cloud-release/client';
import type { CliIo, Out } from '../io.js';
import { plural } from '../text.js';

const PHASES = ['terminate', 'release', 'delete'] as const;

export interface Progress {
  step(event: StepEvent): void;
  /** A line of its own (an interruption notice), above the live line. */
  note(line: string): void;
  /** Ends the live line (a newline), stops its clock. */
  done(): void;
}

function plain(out: Out): Progress {
  return {
    step(e) {
      const what = `${e.action} ${e.type} ${e.ids.join(', ')}`;
      if (e.phase === 'before') out.err(`→ ${what}`);
      else out.err(`  ${what}: ${e.outcome}${e.code ? ` (${e.code})` : ''}`);
    },
    note: (line) => out.err(line),
    done() {},
  };
}

function live(io: CliIo, total: number): Progress {
  const started = Date.now();
  const sent = new Map<string, number>();
  const ended = new Map<string, number>();
  const draw = () => {
    const phases = PHASES.filter((p) => sent.has(p)).map((p) => `${p} ${ended.get(p) ?? 0}/${sent.get(p)}`);
    const elapsed = Math.round((Date.now() - started) / 1000);
    io.stderr.write(`\r\x1b[K[${elapsed}s] ${plural(total, 'resource')}: ${phases.join(' · ') || 'reading'}`);
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  draw();
  return {
    step(e) {
      const counts = e.phase === 'before' ? sent : ended;
      counts.set(e.step, (counts.get(e.step) ?? 0) + e.ids.length);
      draw();
    },
    note(line) {
      io.stderr.write(`\r\x1b[K${line}\n`);
      draw();
    },
    done() {
      clearInterval(timer);
      draw();
      io.stderr.write('\n');
    },
  };
}

export function progressFor(io: CliIo, out: Out, total: number): Progress {
  return io.stderrIsTTY ? live(io, total) : plain(out);
}
