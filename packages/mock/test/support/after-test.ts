// What a test opened, closed once the test ends (also when it failed), last opened first.
// The afterEach that calls closeOpened is registered by test/support/setup.ts, a setupFiles
// entry: test files share support modules within a worker (isolate: false), so a hook at a
// support module's top level would be registered for the first file that imports it only.
const closers: (() => unknown)[] = [];

export function closeAfterTest(close: () => unknown): void {
  closers.push(close);
}

export async function closeOpened(): Promise<void> {
  for (const close of closers.splice(0).reverse()) await close();
}
