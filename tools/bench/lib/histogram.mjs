// A log-linear histogram in the manner of HdrHistogram: integer microseconds, 1,024 sub-buckets per
// power of two above 2,048 µs (relative error under 0.1 %), exact below. Fixed memory, O(1) record.

const SUB = 1024;
const LINEAR = 2 * SUB;
const MAX_EXPONENT = 21; // up to 2^32 µs, over an hour
const SIZE = LINEAR + MAX_EXPONENT * SUB;

export class Histogram {
  constructor() {
    this.counts = new Float64Array(SIZE);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
    this.min = Infinity;
  }

  /** Records one value in microseconds. */
  record(micros) {
    let v = micros > 0 ? Math.round(micros) : 0;
    if (v > 0xffffffff) v = 0xffffffff;
    let index;
    if (v < LINEAR) index = v;
    else {
      const exponent = 31 - Math.clz32(v >>> 0) - 10; // v >>> exponent lands in [SUB, 2*SUB)
      index = LINEAR + (exponent - 1) * SUB + ((v >>> exponent) - SUB);
    }
    this.counts[index]++;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
    if (v < this.min) this.min = v;
  }

  add(other) {
    for (let i = 0; i < SIZE; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
    this.min = Math.min(this.min, other.min);
  }

  /** The value at percentile `p` (0–100), in microseconds: the upper bound of its bucket. */
  percentile(p) {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.max, upperBound(i));
    }
    return this.max;
  }

  mean() {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** p50/p99/max in milliseconds, for reports. */
  summaryMs() {
    return { count: this.count, p50: this.percentile(50) / 1000, p99: this.percentile(99) / 1000, max: this.max / 1000 };
  }
}

function upperBound(index) {
  if (index < LINEAR) return index;
  const exponent = Math.floor((index - LINEAR) / SUB) + 1;
  const sub = ((index - LINEAR) % SUB) + SUB;
  return (sub + 1) * 2 ** exponent - 1;
}
