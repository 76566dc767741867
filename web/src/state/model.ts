// The model a user sets up on a workbook before running it: input cells with their distributions,
// output cells, correlations and the run's settings. Pure functions over an immutable state, so the
// views stay thin and the rules are tested on their own.
import type { Simulation, SimulationSpec, Workbook } from '../api/types';
import { parseRef, sameCell } from './cells';

export type Sampling = 'lhs' | 'mc' | 'sobol';

export interface InputEntry {
  /** The cell, as 'Sheet'!B3. */
  cell: string;
  /** The distribution the run samples, e.g. Normal(100, 10). */
  distribution: string;
  /** Written in the workbook itself (RiskNormal(...)): it runs unless replaced here. */
  declared: boolean;
  /** For a declared input: its formula in the workbook. */
  formula?: string;
  /** A declared input given another distribution here. */
  replaced?: boolean;
}

export interface OutputEntry {
  cell: string;
  declared: boolean;
}

export interface CorrelationEntry {
  first: string;
  second: string;
  coefficient: number;
}

export interface ModelSettings {
  name: string;
  iterations: number;
  /** Empty for a seed chosen by the server. */
  seed: string;
  sampling: Sampling;
  correlationMethod: string;
}

export interface ModelState {
  workbookId: string;
  inputs: InputEntry[];
  outputs: OutputEntry[];
  correlations: CorrelationEntry[];
  settings: ModelSettings;
}

export const MAX_ITERATIONS = 10_000_000;

export const DEFAULT_SETTINGS: ModelSettings = {
  name: '',
  iterations: 10_000,
  seed: '',
  sampling: 'lhs',
  correlationMethod: 'iman-conover',
};

/** The distribution call inside a declared cell's formula: =RiskTriang(1,2,4)*B5 declares RiskTriang(1,2,4). */
export function declaredDistribution(formula: string): string {
  const m = /Risk[A-Za-z0-9]+\s*\(/i.exec(formula);
  if (!m || /^RiskOutput/i.test(m[0])) return formula.replace(/^=/, '');
  let depth = 0;
  for (let i = m.index; i < formula.length; i++) {
    if (formula[i] === '(') depth++;
    if (formula[i] === ')' && --depth === 0) return formula.slice(m.index, i + 1);
  }
  return formula.replace(/^=/, '');
}

/** A workbook's own model: the inputs and outputs it declares, already marked. */
export function initialModel(workbook: Workbook): ModelState {
  return {
    workbookId: workbook.id,
    inputs: workbook.summary.declaredInputs.map((d) => ({
      cell: d.cell,
      distribution: declaredDistribution(d.formula),
      declared: true,
      formula: d.formula,
    })),
    outputs: workbook.summary.declaredOutputs.map((d) => ({ cell: d.cell, declared: true })),
    correlations: [],
    settings: { ...DEFAULT_SETTINGS },
  };
}

export function findInput(state: ModelState, cell: string): InputEntry | undefined {
  return state.inputs.find((i) => sameCell(i.cell, cell));
}

export function isOutput(state: ModelState, cell: string): boolean {
  return state.outputs.some((o) => sameCell(o.cell, cell));
}

/** Makes a cell an input, or gives an input (a declared one too) another distribution. */
export function setInput(state: ModelState, cell: string, distribution: string): ModelState {
  const existing = findInput(state, cell);
  if (!existing) {
    return { ...state, inputs: [...state.inputs, { cell, distribution, declared: false }] };
  }
  const changed: InputEntry = existing.declared
    ? { ...existing, distribution, replaced: distribution !== declaredDistribution(existing.formula ?? '') }
    : { ...existing, distribution };
  return { ...state, inputs: state.inputs.map((i) => (i === existing ? changed : i)) };
}

/**
 * Removes an input. A declared one cannot be removed (the workbook's formula samples it): a
 * replaced declared input goes back to the workbook's distribution.
 */
export function removeInput(state: ModelState, cell: string): ModelState {
  const existing = findInput(state, cell);
  if (!existing) return state;
  if (existing.declared) {
    const restored = { ...existing, distribution: declaredDistribution(existing.formula ?? ''), replaced: false };
    return { ...state, inputs: state.inputs.map((i) => (i === existing ? restored : i)) };
  }
  return {
    ...state,
    inputs: state.inputs.filter((i) => i !== existing),
    correlations: state.correlations.filter((c) => !sameCell(c.first, cell) && !sameCell(c.second, cell)),
  };
}

export function setOutput(state: ModelState, cell: string, on: boolean): ModelState {
  const present = isOutput(state, cell);
  if (on === present) return state;
  return on
    ? { ...state, outputs: [...state.outputs, { cell, declared: false }] }
    : { ...state, outputs: state.outputs.filter((o) => !sameCell(o.cell, cell)) };
}

/** Sets the correlation of two inputs (in either order); 0 removes it. */
export function setCorrelation(state: ModelState, first: string, second: string, coefficient: number): ModelState {
  const others = state.correlations.filter(
    (c) => !((sameCell(c.first, first) && sameCell(c.second, second)) || (sameCell(c.first, second) && sameCell(c.second, first))),
  );
  return { ...state, correlations: coefficient === 0 ? others : [...others, { first, second, coefficient }] };
}

export function updateSettings(state: ModelState, patch: Partial<ModelSettings>): ModelState {
  return { ...state, settings: { ...state.settings, ...patch } };
}

/** What stops the model from running, in words; empty when it can run. */
export function problems(state: ModelState): string[] {
  const out: string[] = [];
  if (state.inputs.length === 0) out.push('Choose at least one input: click a cell, then "Make input".');
  if (state.outputs.length === 0) out.push('Choose at least one output: click a cell, then "Make output".');
  const n = state.settings.iterations;
  if (!Number.isInteger(n) || n < 1 || n > MAX_ITERATIONS) {
    out.push(`Iterations must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString('en-US')}.`);
  }
  const seed = state.settings.seed.trim();
  if (seed !== '' && !/^\d{1,18}$/.test(seed)) out.push('The seed must be a whole number (or empty for a random one).');
  for (const c of state.correlations) {
    if (!(c.coefficient >= -1 && c.coefficient <= 1)) out.push(`The correlation of ${c.first} and ${c.second} must be between −1 and 1.`);
    if (sameCell(c.first, c.second)) out.push('A correlation needs two different inputs.');
    if (!findInput(state, c.first) || !findInput(state, c.second)) out.push('A correlation names a cell that is not an input.');
  }
  for (const i of state.inputs) {
    if (!parseRef(i.cell)) out.push(`${i.cell} is not a cell reference.`);
    if (isOutput(state, i.cell)) out.push(`${i.cell} cannot be both an input and an output.`);
  }
  return out;
}

/**
 * The request that queues the run. Declared inputs run from the workbook's own formulas unless
 * replaced; declared outputs are listed with the others, since naming any output replaces the
 * workbook's list.
 */
export function toSpec(state: ModelState): SimulationSpec {
  const s = state.settings;
  return {
    workbookId: state.workbookId,
    name: s.name.trim() || undefined,
    inputs: state.inputs.filter((i) => !i.declared || i.replaced).map((i) => ({ cell: i.cell, distribution: i.distribution })),
    outputs: state.outputs.map((o) => ({ cell: o.cell })),
    iterations: s.iterations,
    seed: s.seed.trim() === '' ? undefined : Number(s.seed.trim()),
    sampling: s.sampling,
    correlations: state.correlations.map((c) => ({ ...c })),
    correlationMethod: s.correlationMethod,
  };
}

/** The model of a past run on the same workbook, to change and run again. */
export function fromSimulation(workbook: Workbook, sim: Simulation): ModelState {
  let state = initialModel(workbook);
  for (const i of sim.spec.inputs) state = setInput(state, i.cell, i.distribution);
  if (sim.spec.outputs.length > 0) {
    state = { ...state, outputs: state.outputs.filter((o) => sim.spec.outputs.some((x) => sameCell(x.cell, o.cell))) };
    for (const o of sim.spec.outputs) state = setOutput(state, o.cell, true);
  }
  for (const c of sim.spec.correlations) state = setCorrelation(state, c.first, c.second, c.coefficient);
  return updateSettings(state, {
    name: sim.name ?? '',
    iterations: sim.iterations,
    seed: String(sim.seed),
    sampling: (['lhs', 'mc', 'sobol'].includes(sim.sampling) ? sim.sampling : 'lhs') as Sampling,
    correlationMethod: sim.spec.correlationMethod ?? 'iman-conover',
  });
}

/** The model kept between visits (the browser's storage), or null when what is stored does not fit. */
export function restore(json: string | null, workbook: Workbook): ModelState | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as ModelState;
    if (s.workbookId !== workbook.id || !Array.isArray(s.inputs) || !Array.isArray(s.outputs)) return null;
    return {
      workbookId: s.workbookId,
      inputs: s.inputs.filter((i) => typeof i.cell === 'string' && typeof i.distribution === 'string'),
      outputs: s.outputs.filter((o) => typeof o.cell === 'string'),
      correlations: Array.isArray(s.correlations) ? s.correlations : [],
      settings: { ...DEFAULT_SETTINGS, ...s.settings },
    };
  } catch {
    return null;
  }
}
