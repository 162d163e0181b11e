// A control-plane input refused (the plane answers it as a 400 naming each problem). Apart from
// mode.ts so that the parts mode.ts wires together (the clock, the pins) can throw it too.
export class InvalidControlInput extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const MAX_SHOWN_CHARS = 64;

/** A value as a refusal quotes it: JSON, cut short, so a megabyte sent is not sent back. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
