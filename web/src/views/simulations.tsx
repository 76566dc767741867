// Past and current simulations, to reopen one or pick two to compare.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { Simulation, Workbook } from '../api/types';
import { elapsedSeconds, formatDuration, formatInteger, formatTime } from '../state/format';
import { isFinished, progressView } from '../state/progress';
import { href } from '../state/router';
import { Empty, ErrorBox, Link, Loading, navigate, ProgressBar, StateBadge, useAsync, useTitle } from './common';
import { samplingName } from './simulation';

/** Two picked runs as A (the older) and B (the newer). */
function olderFirst(picked: string[], sims: Simulation[]): { a: string; b: string } {
  const at = (id: string) => Date.parse(sims.find((s) => s.id === id)?.createdAt ?? '') || 0;
  const [x, y] = picked;
  return at(x) <= at(y) ? { a: x, b: y } : { a: y, b: x };
}

export function SimulationsPage(props: { workbook?: string }) {
  useTitle('Simulations');
  const sims = useAsync(() => api.simulations(props.workbook), [props.workbook]);
  const workbooks = useAsync(() => api.workbooks(), []);
  const [picked, setPicked] = useState<string[]>([]);
  const names = new Map<string, string>((workbooks.data ?? []).map((w: Workbook) => [w.id, w.name]));
  const running = (sims.data ?? []).some((s) => !isFinished(s.state));

  // while something runs, refresh the list every few seconds
  useEffect(() => {
    if (!running) return;
    const t = setInterval(sims.reload, 3000);
    return () => clearInterval(t);
  }, [running, sims.reload]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const filtered = props.workbook ? names.get(props.workbook) : undefined;

  return (
    <div class="page">
      <div class="page-head">
        <div class="titles">
          <h1>Simulations</h1>
          <div class="sub">
            {filtered ? <>Runs of <Link href={href({ page: 'workbook', id: props.workbook! })}>{filtered}</Link> · <Link href="/simulations">show all</Link></> : 'Every run of your organization, newest first. Tick two completed runs to compare them.'}
          </div>
        </div>
        <div class="actions">
          <button class="primary" disabled={picked.length !== 2} onClick={() => navigate(href({ page: 'compare', ...olderFirst(picked, sims.data ?? []) }))} data-testid="compare-picked">
            Compare {picked.length === 2 ? 'the two runs' : `(${picked.length}/2 picked)`}
          </button>
        </div>
      </div>
      <div class="card">
        <div class="card-body flush">
          {sims.error && <div class="card-body"><ErrorBox error={sims.error} retry={sims.reload} /></div>}
          {!sims.data && sims.loading && <Loading />}
          {sims.data && sims.data.length === 0 && (
            <Empty title="No simulations yet">
              <p>Open a workbook, choose its inputs and outputs, and run it.</p>
              <Link class="button primary" href="/workbooks">Go to the workbooks</Link>
            </Empty>
          )}
          {sims.data && sims.data.length > 0 && (
            <table class="data">
              <thead>
                <tr>
                  <th><span class="sr-only">Compare</span></th>
                  <th>Run</th>
                  <th>Workbook</th>
                  <th>State</th>
                  <th class="num">Iterations</th>
                  <th>Sampling</th>
                  <th>Started</th>
                  <th class="num">Took</th>
                </tr>
              </thead>
              <tbody>
                {sims.data.map((s: Simulation) => (
                  <tr key={s.id} class={picked.includes(s.id) ? 'selected' : ''}>
                    <td>
                      <input type="checkbox" aria-label={`Pick ${s.name || 'this run'} to compare`} checked={picked.includes(s.id)} disabled={s.state !== 'completed'} onChange={() => toggle(s.id)} />
                    </td>
                    <td><Link href={href({ page: 'simulation', id: s.id })}>{s.name || `Run of ${formatTime(s.createdAt)}`}</Link></td>
                    <td>{names.get(s.workbookId) ?? '…'}</td>
                    <td>
                      {isFinished(s.state) ? (
                        <StateBadge state={s.state} />
                      ) : (
                        <div style={{ minWidth: '120px' }}>
                          <ProgressBar fraction={progressView(s).fraction} label={`Progress of ${s.name || 'run'}`} />
                          <span class="small muted">{progressView(s).headline}</span>
                        </div>
                      )}
                      {s.state === 'failed' && s.error && <div class="small muted" style={{ maxWidth: '280px' }} title={s.error}>{s.error.length > 80 ? s.error.slice(0, 80) + '…' : s.error}</div>}
                    </td>
                    <td class="num">{formatInteger(s.iterations)}</td>
                    <td>{samplingName(s.sampling)}</td>
                    <td>{formatTime(s.createdAt)}</td>
                    <td class="num">{isFinished(s.state) ? formatDuration(elapsedSeconds(s.startedAt, s.finishedAt)) : '…'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
