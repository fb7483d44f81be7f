// Summaries of latency samples: nearest-rank percentiles, milliseconds in, milliseconds out.

export interface Distribution {
  samples: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  if (values.length === 0) throw new Error('distribution: no samples (the measurement recorded nothing)');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    samples: sorted.length,
    p50: round(rank(50)),
    p90: round(rank(90)),
    p99: round(rank(99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    max: round(sorted.at(-1)!),
  };
}
