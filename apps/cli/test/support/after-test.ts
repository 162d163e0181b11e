// What a test opened, closed once the test ends (also when it failed), and the temporary
// directories a file made, removed once the file ends. test/support/setup.ts (a setupFiles
// entry) registers the hooks: test files share support modules within a worker (isolate:
// false), so a hook at a support module's top level would be registered for the first file only.
import { rmSync } from 'node:fs';

const closers: (() => unknown)[] = [];
const dirs: string[] = [];

export function closeAfterTest(close: () => unknown): void {
  closers.push(close);
}

export function removeAfterFile(dir: string): void {
  dirs.push(dir);
}

export async function closeOpened(): Promise<void> {
  await Promise.all(closers.splice(0).map((close) => close()));
}

export function removeDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
