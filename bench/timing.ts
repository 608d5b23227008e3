// Percentiles of repeated calls.
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
export const RUNS = Number(process.env.BENCH_RUNS ?? 50);

export type Timing = { p50: number; p95: number; max: number; n: number };

export function stats(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** WARMUP calls, then RUNS timed calls one after another; the last result for checking. */
export async function timeRuns(fn: () => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<{ timing: Timing; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    samples.push(performance.now() - start);
  }
  return { timing: stats(samples), last };
}

export const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
