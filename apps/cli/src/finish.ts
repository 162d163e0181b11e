// The callback a command's action ends with; its own module, so that main.ts, which adds the
// commands, and the commands, which call it, do not import each other.

/** Sets the exit code from inside a command's action. */
export type Finish = (code: number) => void;
