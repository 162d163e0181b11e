// Stands in for @cloud-release/mock in the bounded-start test: a mock whose start never finishes,
// as when a bug stops it from ever listening.
export function startMock(): Promise<never> {
  return new Promise<never>(() => {});
}
