import { describe, expect, test } from 'vitest';
import type { Simulation } from '../api/types';
import { isStalled, newer, progressView } from './progress';

function sim(patch: Partial<Simulation> & { done?: number; phase?: string; rate?: number; eta?: number }): Simulation {
  const { done = 0, phase, rate, eta, ...rest } = patch;
  return {
    id: 's1', workbookId: 'w', state: 'running', iterations: 10_000, seed: 1, sampling: 'lhs', createdAt: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:01Z', cancelRequested: false,
    progress: { iterationsDone: done, iterations: 10_000, fraction: done / 10_000, phase, rate, etaSeconds: eta },
    spec: { workbookId: 'w', inputs: [], outputs: [], correlations: [] },
    ...rest,
  };
}

describe('run progress', () => {
  test('the report further along wins, whichever source it came from', () => {
    const a = sim({ done: 2000 });
    const b = sim({ done: 5000 });
    expect(newer(a, b)).toBe(b);
    expect(newer(b, a)).toBe(b);
    expect(newer(null, a)).toBe(a);
  });

  test('a finished report is final', () => {
    const done = sim({ state: 'completed', done: 10_000 });
    expect(newer(sim({ done: 9000 }), done)).toBe(done);
    expect(newer(done, sim({ done: 9999 }))).toBe(done);
    const failed = sim({ state: 'failed', done: 300, error: "'Model'!B3: Normal: standard deviation must be greater than 0" });
    expect(newer(sim({ done: 5000 }), failed)).toBe(failed);
  });

  test('a run taken over by another worker starts again from zero and shows it', () => {
    const before = sim({ done: 8000 });
    const again = sim({ done: 100, startedAt: '2026-01-01T00:05:00Z' });
    expect(newer(before, again)).toBe(again);
  });

  test('at the same count a later phase is news', () => {
    const sim1 = sim({ done: 10_000, phase: 'simulating' });
    const sim2 = sim({ done: 10_000, phase: 'saving' });
    expect(newer(sim1, sim2)).toBe(sim2);
    expect(newer(sim2, sim1)).toBe(sim2);
  });

  test('the view gives percent, rate and time left while running', () => {
    const v = progressView(sim({ done: 4200, phase: 'simulating', rate: 930.4, eta: 6.2 }));
    expect(v).toMatchObject({ percent: 42, headline: 'Simulating', detail: '4,200 of 10,000 iterations', rate: '930 iterations/s', eta: 'about 6 s left', tone: 'running' });
    expect(progressView(sim({ state: 'queued' })).headline).toBe('Queued');
    expect(progressView(sim({ done: 10, cancelRequested: true })).headline).toBe('Cancelling…');
  });

  test('a completed run is at 100% even when it stopped early; a failure shows its reason', () => {
    const auto = sim({ state: 'completed', done: 30_000 });
    auto.progress = { iterationsDone: 30_000, iterations: 30_000, fraction: 1 };
    auto.iterations = 100_000;
    expect(progressView(auto)).toMatchObject({ percent: 100, detail: '30,000 of 30,000 iterations', tone: 'done' });
    const failed = progressView(sim({ state: 'failed', done: 0, error: 'the worker died three times' }));
    expect(failed).toMatchObject({ headline: 'Failed', detail: 'the worker died three times', tone: 'failed' });
  });

  test('silence for more than a few seconds is a stall', () => {
    expect(isStalled(0, 4000)).toBe(false);
    expect(isStalled(0, 6000)).toBe(true);
  });
});
