// Two completed runs side by side: their settings, each output's statistics and distributions.
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { Results, Simulation } from '../api/types';
import { Chart } from '../charts/Chart';
import { overlayOption } from '../charts/options';
import { shortRef } from '../state/cells';
import { formatInteger } from '../state/format';
import { compareOutputs, comparedRows } from '../state/results';
import { href } from '../state/router';
import { Empty, ErrorBox, Link, Loading, navigate, useAsync, useTitle } from './common';
import { samplingName } from './simulation';

export function ComparePage(props: { a?: string; b?: string }) {
  useTitle('Compare runs');
  const sims = useAsync(() => api.simulations(), []);
  const completed = (sims.data ?? []).filter((s) => s.state === 'completed');
  const pick = (which: 'a' | 'b', id: string) => navigate(href({ page: 'compare', a: which === 'a' ? id : props.a, b: which === 'b' ? id : props.b }), true);
  return (
    <div class="page">
      <div class="page-head">
        <div class="titles">
          <h1>Compare runs</h1>
          <div class="sub">Two completed simulations side by side, output by output.</div>
        </div>
      </div>
      {sims.error && <ErrorBox error={sims.error} retry={sims.reload} />}
      {!sims.data && <Loading />}
      {sims.data && completed.length < 2 && (
        <Empty title="Two completed runs are needed">
          <p>Run a workbook twice (for example with different inputs) and come back.</p>
        </Empty>
      )}
      {sims.data && completed.length >= 2 && (
        <>
          <div class="compare-cols" style={{ marginBottom: '16px' }}>
            <RunPicker label="Run A" value={props.a} runs={completed} onChange={(id) => pick('a', id)} />
            <RunPicker label="Run B" value={props.b} runs={completed} onChange={(id) => pick('b', id)} />
          </div>
          {props.a && props.b ? <Comparison a={props.a} b={props.b} sims={completed} /> : <p class="muted">Choose two runs.</p>}
        </>
      )}
    </div>
  );
}

function RunPicker(props: { label: string; value?: string; runs: Simulation[]; onChange: (id: string) => void }) {
  const id = `pick-${props.label.replace(/\s/g, '')}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">Choose a run…</option>
        {props.runs.map((s) => (
          <option key={s.id} value={s.id}>
            {(s.name || 'Run') + ` · ${formatInteger(s.iterations)} it. · seed ${s.seed} · ${new Date(s.createdAt).toLocaleString('en-GB')}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function Comparison(props: { a: string; b: string; sims: Simulation[] }) {
  const both = useAsync(() => Promise.all([api.results(props.a), api.results(props.b)]), [props.a, props.b]);
  const [selected, setSelected] = useState(0);
  if (both.error) return <ErrorBox error={both.error} retry={both.reload} />;
  if (!both.data) return <Loading label="Loading both results…" />;
  const [ra, rb] = both.data;
  const simA = props.sims.find((s) => s.id === props.a);
  const simB = props.sims.find((s) => s.id === props.b);
  const pairs = compareOutputs(ra, rb);
  const pair = pairs[Math.min(selected, pairs.length - 1)];
  return (
    <>
      <div class="compare-cols" style={{ marginBottom: '16px' }}>
        <RunFacts sim={simA} results={ra} label="A" />
        <RunFacts sim={simB} results={rb} label="B" />
      </div>
      {pairs.length > 1 && (
        <div class="tabs" role="tablist" aria-label="Outputs">
          {pairs.map((p, i) => (
            <button key={p.cell} class="tab" role="tab" aria-selected={i === selected} onClick={() => setSelected(i)}>{shortRef(p.cell)}</button>
          ))}
        </div>
      )}
      <div class="grid-2">
        <section class="card" aria-label="Statistics compared">
          <div class="card-head"><h2>{shortRef(pair.cell)}</h2></div>
          <div class="card-body flush">
            <table class="data compact" data-testid="comparison">
              <thead><tr><th>Statistic</th><th class="num">Run A</th><th class="num">Run B</th><th class="num">B − A</th></tr></thead>
              <tbody>
                {comparedRows(pair.a?.statistics, pair.b?.statistics).map((r) => (
                  <tr key={r.label}><td>{r.label}</td><td class="num">{r.a}</td><td class="num">{r.b}</td><td class="num">{r.change}</td></tr>
                ))}
              </tbody>
            </table>
            {(!pair.a || !pair.b) && <p class="muted small" style={{ padding: '8px 12px' }}>This output is in one of the runs only.</p>}
          </div>
        </section>
        <section class="card chart-card" aria-label="Distributions compared">
          <div class="card-head"><h3>Distributions</h3></div>
          <div class="card-body">
            {pair.a && pair.b ? <Overlay results={[ra, rb]} cell={pair.cell} a={pair.a.statistics.histogram} b={pair.b.statistics.histogram} /> : <p class="muted">Nothing to overlay.</p>}
          </div>
        </section>
      </div>
    </>
  );
}

function Overlay(props: { results: [Results, Results]; cell: string; a: Results['outputs'][number]['statistics']['histogram']; b: Results['outputs'][number]['statistics']['histogram'] }) {
  const option = useMemo(() => overlayOption(props.a, props.b, ['Run A', 'Run B'], shortRef(props.cell)), [props.a, props.b, props.cell]);
  return <Chart option={option} label={`Distributions of ${props.cell} in both runs`} testId="overlay-chart" />;
}

function RunFacts(props: { sim?: Simulation; results: Results; label: string }) {
  const s = props.sim;
  return (
    <section class="card" aria-label={`Run ${props.label}`}>
      <div class="card-body">
        <div class="row" style={{ marginBottom: '6px' }}>
          <span class="badge info">Run {props.label}</span>
          {s && <Link href={href({ page: 'simulation', id: s.id })}>{s.name || 'Simulation'}</Link>}
        </div>
        <div class="small muted">
          {props.results.workbook} · {formatInteger(props.results.iterations)} iterations · {samplingName(props.results.sampling)} · seed {props.results.seed}
        </div>
        <ul class="small" style={{ margin: '8px 0 0', paddingLeft: '18px' }}>
          {props.results.inputs.map((i) => <li key={i.cell}><span class="mono">{shortRef(i.name ?? i.cell)}</span>: {i.distribution}</li>)}
        </ul>
      </div>
    </section>
  );
}
