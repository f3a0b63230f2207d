/** Limits shared by the forms (client) and the procedures (server), so both say no for the same reason. */
export const LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  tagsMax: 10,
  tagMax: 32,
  nameMax: 120,
  emailMax: 254,
  departmentMax: 80,
  passwordMin: 10,
  passwordMax: 200,
  orgNameMax: 120,
  pushBatchMax: 100,
  pullPageMax: 1000,
  csvRowsMax: 5000,
  bodyBytesMax: 1_048_576,
  /** Nesting of any JSON input (procedure input, mutation args): deeper is refused before anything recurses (S44). */
  jsonDepthMax: 32,
  // goals and check-ins
  krsMax: 10,
  krIdMax: 64,
  unitMax: 16,
  noteMax: 500,
} as const;
