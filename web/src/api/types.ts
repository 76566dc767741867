// The shapes of the server's JSON (io.carlo.server.api and the engine's result records). The server
// leaves out null fields, hence the optional ones; numbers that are not finite arrive as strings
// ("NaN", "Infinity"), hence the Num type, read with num() from state/format.

export type Num = number | string;

export type Role = 'viewer' | 'analyst' | 'admin' | 'owner';

export interface OrganizationSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Me {
  id: string;
  email: string;
  name?: string;
  createdAt: string;
  organization?: OrganizationSummary;
  organizations: OrganizationSummary[];
  apiKey: boolean;
}

export interface SheetInfo {
  index: number;
  name: string;
  cells: number;
  formulaCells: number;
  usedRange: string;
  lastRow: number;
  lastCol: number;
}

export interface DeclaredCell {
  cell: string;
  formula: string;
}

export interface WorkbookSummary {
  sheets: SheetInfo[];
  formulaCells: number;
  functions: Record<string, number>;
  unsupportedFunctions: Record<string, number>;
  unsupportedCells: Record<string, string[]>;
  parseErrors: Record<string, string>;
  declaredInputs: DeclaredCell[];
  declaredOutputs: DeclaredCell[];
  iterativeCalculation: boolean;
  definedNames: number;
  tables: number;
  hasMacros: boolean;
  /** Things the user should know about the upload (e.g. macros that never run); absent on older summaries. */
  warnings?: string[];
}

export interface Workbook {
  id: string;
  name: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  summary: WorkbookSummary;
}

export interface GridCell {
  ref: string;
  row: number;
  col: number;
  type: 'number' | 'text' | 'boolean' | 'error' | 'blank';
  value?: number | string | boolean;
  display: string;
  formula?: string;
  numberFormat?: string;
}

export interface GridWindow {
  sheet: number;
  name: string;
  range: string;
  lastRow: number;
  lastCol: number;
  cells: GridCell[];
}

export interface SpecInput {
  cell: string;
  distribution: string;
}

export interface SpecCorrelation {
  first: string;
  second: string;
  coefficient: number;
}

export interface SimulationSpec {
  workbookId: string;
  name?: string;
  inputs: SpecInput[];
  outputs: { cell: string }[];
  iterations?: number;
  seed?: number;
  sampling?: string;
  correlations: SpecCorrelation[];
  correlationMethod?: string;
  targets?: number[];
  autoStop?: number;
}

export type SimulationState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface Progress {
  iterationsDone: number;
  iterations: number;
  fraction: number;
  rate?: number;
  etaSeconds?: number;
  phase?: string;
}

export interface Simulation {
  id: string;
  workbookId: string;
  name?: string;
  state: SimulationState;
  iterations: number;
  seed: number;
  sampling: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: Progress;
  error?: string;
  cancelRequested: boolean;
  spec: SimulationSpec;
}

export interface Histogram {
  edges: Num[];
  counts: number[];
}

export interface SummaryStatistics {
  iterations: number;
  errors: number;
  count: number;
  mean: Num;
  stdDev: Num;
  variance: Num;
  skewness: Num;
  kurtosis: Num;
  min: Num;
  max: Num;
  mode: Num;
  meanCiLow: Num;
  meanCiHigh: Num;
  percentiles: Record<string, Num>;
  histogram: Histogram;
  cdf: { x: Num; probability: number }[];
  targets: { target: number; atOrBelow: number; above: number }[];
  tailRisks: { level: number; valueAtRisk: Num; conditionalValueAtRisk: Num }[];
}

export interface Sensitivity {
  input: string;
  rankCorrelation: Num;
  regressionCoefficient: Num;
  contributionToVariance: Num;
  binMeans: Num[];
  tornadoLow: Num;
  tornadoHigh: Num;
}

export interface Convergence {
  iterations: number[];
  mean: Num[];
  meanStdError: Num[];
  p5StdError: Num[];
  p50StdError: Num[];
  p95StdError: Num[];
}

export interface OutputSummary {
  cell: string;
  name?: string;
  statistics: SummaryStatistics;
  sensitivity: Sensitivity[];
  convergence?: Convergence;
}

export interface InputSummary {
  cell: string;
  name?: string;
  distribution: string;
  statistics: SummaryStatistics;
}

export interface Results {
  simulationId: string;
  workbook: string;
  iterations: number;
  seed: number;
  sampling: string;
  threads: number;
  timings: { loadMillis: number; compileMillis: number; simulateMillis: number };
  outputs: OutputSummary[];
  inputs: InputSummary[];
}

export interface HistogramView {
  output: string;
  bins: number;
  edges: Num[];
  counts: number[];
  errors: number;
}

export interface ScatterView {
  output: string;
  input: string;
  iterations: number;
  points: number;
  x: number[];
  y: number[];
}

export interface DistributionInfo {
  name: string;
  aliases: string[];
  parameters: string[];
  required: number;
  family: 'continuous' | 'discrete' | 'empirical';
  defaults: string[];
  example: string;
}

export interface DistributionPreview {
  description: string;
  discrete: boolean;
  x: number[];
  density: number[];
  mean: Num;
  p5: Num;
  p50: Num;
  p95: Num;
  lower: Num;
  upper: Num;
}

/** One limit of the organization's plan; limit is absent when the plan sets none. */
export interface QuotaUsage {
  quota: 'iterations_per_run' | 'runs_per_month' | 'storage_bytes' | 'concurrent_runs' | 'members';
  used?: number;
  limit?: number;
  unlimited: boolean;
}

export interface Usage {
  organizationId: string;
  plan: 'FREE' | 'TEAM' | 'ENTERPRISE';
  planName: string;
  period: string;
  quotas: QuotaUsage[];
}

export interface Member {
  userId: string;
  email: string;
  name?: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt?: string;
  token?: string;
  link?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  userId: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
  secret?: string;
}

export interface OrganizationView {
  id: string;
  name: string;
  createdAt: string;
  role: Role;
}

/** One entry of an organization's audit log (GET /organizations/{id}/audit). */
export interface AuditEntry {
  id: string;
  seq: number;
  occurredAt: string;
  organizationId?: string;
  actorType: string;
  actorUserId?: string;
  actorEmail?: string;
  actorKeyId?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  clientIp?: string;
  userAgent?: string;
  details?: Record<string, string>;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  limit: number;
  offset: number;
}

/** The hash chain recomputed: brokenAt is the first entry (seq) that does not verify. */
export interface AuditVerification {
  valid: boolean;
  entries: number;
  brokenAt?: number | null;
  problem?: string | null;
}
