// A run's progress as the page shows it, merged from the live event stream and from polling, so
// that it never sticks: a finished state always wins, an older report never replaces a newer one,
// and a silent stream is noticed and replaced by polling.
import type { Simulation, SimulationState } from '../api/types';
import { formatDuration, formatInteger } from './format';

export const FINISHED: ReadonlySet<SimulationState> = new Set(['completed', 'failed', 'cancelled']);

export function isFinished(state: SimulationState): boolean {
  return FINISHED.has(state);
}

/**
 * The newer of two reports of the same simulation. Reports come from two sources (events and
 * polls) and may cross: a finished report is final; otherwise the one further along wins, and a
 * run that started again from the beginning (its worker died; another took it over) counts as
 * further along once its start time is later.
 */
export function newer(current: Simulation | null, next: Simulation): Simulation {
  if (!current || current.id !== next.id) return next;
  if (isFinished(current.state)) return current;
  if (isFinished(next.state)) return next;
  if (current.state === 'queued' && next.state === 'running') return next;
  if (current.state === 'running' && next.state === 'queued') return current.startedAt ? current : next;
  const restarted = next.startedAt && current.startedAt && Date.parse(next.startedAt) > Date.parse(current.startedAt);
  if (restarted) return next;
  if (next.progress.iterationsDone > current.progress.iterationsDone) return next;
  if (next.progress.iterationsDone === current.progress.iterationsDone) {
    // same count: the later phase or a cancellation request is news
    return phaseRank(next.progress.phase) >= phaseRank(current.progress.phase) ? next : current;
  }
  return current;
}

const PHASES = ['starting', 'drawing', 'simulating', 'analyzing', 'saving'];
function phaseRank(phase?: string): number {
  return phase ? PHASES.indexOf(phase) : -1;
}

export interface ProgressView {
  percent: number; // 0..100, whole
  fraction: number;
  headline: string;
  detail: string;
  tone: 'running' | 'done' | 'failed' | 'cancelled' | 'queued';
  rate?: string;
  eta?: string;
}

const PHASE_WORDS: Record<string, string> = {
  starting: 'Compiling the model',
  drawing: 'Drawing the inputs',
  simulating: 'Simulating',
  analyzing: 'Computing statistics and sensitivity',
  saving: 'Saving the results',
};

export function progressView(sim: Simulation): ProgressView {
  const p = sim.progress;
  const fraction = sim.state === 'completed' ? 1 : Math.max(0, Math.min(1, p.fraction || 0));
  const percent = Math.floor(fraction * 100);
  const counts = `${formatInteger(p.iterationsDone)} of ${formatInteger(sim.state === 'completed' ? p.iterations : sim.iterations)} iterations`;
  switch (sim.state) {
    case 'queued':
      return { percent: 0, fraction: 0, headline: 'Queued', detail: 'Waiting for a free worker…', tone: 'queued' };
    case 'running':
      return {
        percent,
        fraction,
        headline: sim.cancelRequested ? 'Cancelling…' : (PHASE_WORDS[p.phase ?? ''] ?? 'Running'),
        detail: counts,
        tone: 'running',
        rate: p.rate ? `${formatInteger(p.rate)} iterations/s` : undefined,
        eta: p.etaSeconds !== undefined && p.etaSeconds !== null && p.rate ? `about ${formatDuration(Math.max(1, p.etaSeconds))} left` : undefined,
      };
    case 'completed':
      return { percent: 100, fraction: 1, headline: 'Completed', detail: counts, tone: 'done' };
    case 'failed':
      return { percent, fraction, headline: 'Failed', detail: sim.error ?? 'the run failed', tone: 'failed' };
    case 'cancelled':
      return { percent, fraction, headline: 'Cancelled', detail: `stopped after ${counts}`, tone: 'cancelled' };
  }
}

/** Seconds without news after which the page polls the server instead of trusting the stream. */
export const STALL_SECONDS = 5;

export function isStalled(lastNewsAt: number, now: number): boolean {
  return now - lastNewsAt > STALL_SECONDS * 1000;
}
