/**
 * What bench/browser/main.mts puts on `window.bench`. A separate file so Node-side benches can name the
 * types without loading the page's client modules (the root tsconfig cannot resolve their `@/` imports).
 */
export interface BenchApi {
  /** Milliseconds to apply `n` rows through the real applyPullPage, as pages of 1,000, on a fresh MeritDb. */
  pullApply(n: number): Promise<number>;
  /** Milliseconds for bulkPut of the same rows, 1,000 per transaction, on a bare Dexie table. */
  bulkPutFloor(n: number): Promise<number>;
  /** Milliseconds per `mutate('win.create@1')` until it resolves, after `warmup` unmeasured calls. */
  mutateRuns(runs: number, warmup: number): Promise<number[]>;
  /** Milliseconds per bare `put` of the same row in its own strict-durability transaction. */
  putRuns(runs: number, warmup: number): Promise<number[]>;
}
