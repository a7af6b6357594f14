/**
 * mulberry32: a tiny, fast, seedable generator of floats in [0, 1), good enough for test data
 * and ids; never for secrets that guard anything real. Both emulators and the benchmarks draw
 * from it, so a seed gives the same data everywhere, run after run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
