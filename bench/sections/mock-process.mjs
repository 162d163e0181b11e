// One Zenlayer mock in its own process, as a consumer's test would start it: the import is timed
// with everything else by the parent. Logs one line per request, as `prism mock` does, unless
// started `silent` (as `prism mock -v silent` logs nothing).
const [mode, logging] = process.argv.slice(2);
const { startMock } = await import('@cloud-release/mock');
const mock = await startMock({
  api: 'zenlayer',
  ...(mode === 'stateful' && { mode: 'stateful' }),
  ...(logging !== 'silent' && { log: (line) => process.stdout.write(`${line}\n`) }),
});
console.log(`ready ${mock.url}`);
process.on('SIGTERM', () => mock.close().then(() => process.exit(0)));
