/** Timing helpers of the scale-out bench. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[
      Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
    ];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(50)), p95: round(at(95)) };
}

export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  intervalMs = 20,
) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(intervalMs);
  }
}
