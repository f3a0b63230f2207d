/**
 * What bench/browser/main.mts puts on `window.bench`. A separate file so Node-side benches can name the
 * types without loading the page's client modules (the root tsconfig cannot resolve their `@/` imports).
 */
export interface BenchApi {
  /** Milliseconds to apply `n` rows through the real applyPullPage, as pages of 1,000, on a fresh MeritDb. */
  pullApply(n: number): Promise<number>;
  /** Milliseconds for bulkPut of the same rows, 1,000 per transaction, on a bare Dexie table. */
  bulkPutFloor(n: number): Promise<number>;
  /**
   * Milliseconds per `mutate('win.create@1')` until it resolves, after `warmup` unmeasured calls. 'relaxed' is
   * a diagnostic (a bench-only database): the code's cost without the disk flush; the product commits strict.
   */
  mutateRuns(runs: number, warmup: number, durability?: 'strict' | 'relaxed'): Promise<number[]>;
  /** Milliseconds per bare `put` of the same row in its own transaction, strict unless told. */
  putRuns(runs: number, warmup: number, durability?: 'strict' | 'relaxed'): Promise<number[]>;
}

// goals (issue 5): bench/browser/goals.mts (interface merging keeps this block separate).
export interface BenchApi {
  /** Milliseconds per home dashboard over five years of one person's data, as the screen loads it (reads + compute). */
  dashboardRuns(runs: number): Promise<number[]>;
  /** Milliseconds to read the same rows from Dexie, nothing computed (the dashboard's floor). */
  dashboardReadRuns(runs: number): Promise<number[]>;
  /** Milliseconds of the shared compute alone over all five years, rows already in memory. */
  dashboardComputeRuns(runs: number): Promise<number[]>;
  /** Milliseconds to read all five years of rows from Dexie. */
  dashboardReadAllRuns(runs: number): Promise<number[]>;
  /** Milliseconds per `mutate('checkin.create@1')` until it resolves ('relaxed': the diagnostic, as mutateRuns). */
  checkinRuns(runs: number, warmup: number, durability?: 'strict' | 'relaxed'): Promise<number[]>;
  /** Milliseconds per bare `put` of the same check-in row, strict unless told. */
  checkinPutRuns(runs: number, warmup: number, durability?: 'strict' | 'relaxed'): Promise<number[]>;
}

// HR's people table (issue 12): bench/browser/people.mts.
export interface BenchApi {
  /** Milliseconds from a search keystroke to the next frame after the people table (n rows) shows the result. */
  peopleFilterRuns(n: number, runs: number): Promise<number[]>;
  /** Milliseconds of the same searches through the pure filter alone: the floor. */
  peopleFilterFloorRuns(n: number, runs: number): Promise<number[]>;
}
