// Runs the cloud-release CLI (apps/cli/dist/cli.js) in this process with the same argv and
// reports on stderr, once it exits: "BENCH-RSS <kilobytes> <bytes> <ms>", its resident memory's
// high-water mark (process.resourceUsage().maxRSS); run with --expose-gc, the heap it still
// holds after a full GC (what a journal kept in memory would show as); its CPU time (user and
// system).
process.on('exit', () => {
  globalThis.gc?.();
  const used = process.resourceUsage();
  const cpuMs = Math.round((used.userCPUTime + used.systemCPUTime) / 1000);
  process.stderr.write(`\nBENCH-RSS ${used.maxRSS} ${process.memoryUsage().heapUsed} ${cpuMs}\n`);
});
await import(new URL('../../apps/cli/dist/cli.js', import.meta.url).href);
