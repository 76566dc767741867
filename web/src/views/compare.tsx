// Two completed runs side by side: their settings, each output's statistics and distributions.
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { Results, Simulation } from '../api/types';
import { Chart } from '../charts/Chart';
import { overlayOption } from '../charts/options';
import { parseRef, shortRef } from '../state/cells';
import { formatInteger } from '../state/format';
import { compareOutputs, comparedRows } from '../state/results';
import { href } from '../state/router';
import { Empty, ErrorBox, Link, Loading, navigate, useAsync, useTitle } from './common';
import { named, useRowLabels } from './labels';
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
  const simA = props.sims.find((s) => s.id === props.a);
  const workbook = useAsync(() => (simA ? api.workbook(simA.workbookId) : Promise.resolve(null)), [simA?.workbookId]);
  const refs = both.data ? [...both.data[0].outputs, ...both.data[1].outputs, ...both.data[0].inputs, ...both.data[1].inputs].map((x) => x.cell) : [];
  const labels = useRowLabels(workbook.data?.id, workbook.data?.summary.sheets, refs);
  if (both.error) return <ErrorBox error={both.error} retry={both.reload} />;
  if (!both.data) return <Loading label="Loading both results…" />;
  const [ra, rb] = both.data;
  const simB = props.sims.find((s) => s.id === props.b);
  const pairs = compareOutputs(ra, rb);
  const pair = pairs[Math.min(selected, pairs.length - 1)];
  const home = parseRef(pairs[0]?.cell ?? '')?.sheet;
  const name = (ref: string) => named(labels.get(ref), shortRef(ref, home));
  return (
    <>
      <div class="compare-cols" style={{ marginBottom: '16px' }}>
        <RunFacts sim={simA} results={ra} label="A" name={name} />
        <RunFacts sim={simB} results={rb} label="B" name={name} />
      </div>
      {pairs.length > 1 && (
        <div class="tabs" role="tablist" aria-label="Outputs">
          {pairs.map((p, i) => (
            <button key={p.cell} class="tab" role="tab" aria-selected={i === selected} onClick={() => setSelected(i)}>{name(p.cell)}</button>
          ))}
        </div>
      )}
      <div class="grid-2">
        <section class="card" aria-label="Statistics compared">
          <div class="card-head"><h2>{name(pair.cell)}</h2></div>
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
            {pair.a && pair.b ? <Overlay label={name(pair.cell)} a={pair.a.statistics.histogram} b={pair.b.statistics.histogram} /> : <p class="muted">Nothing to overlay.</p>}
          </div>
        </section>
      </div>
    </>
  );
}

type Hist = Results['outputs'][number]['statistics']['histogram'];

function Overlay(props: { label: string; a: Hist; b: Hist }) {
  const option = useMemo(() => overlayOption(props.a, props.b, ['Run A', 'Run B'], props.label), [props.a, props.b, props.label]);
  return <Chart option={option} label={`Distributions of ${props.label} in both runs`} testId="overlay-chart" />;
}

function RunFacts(props: { sim?: Simulation; results: Results; label: string; name: (ref: string) => string }) {
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
          {props.results.inputs.map((i) => <li key={i.cell}>{i.name && i.name !== i.cell ? i.name : props.name(i.cell)}: <span class="mono">{i.distribution}</span></li>)}
        </ul>
      </div>
    </section>
  );
}
