// One simulation: live progress while it runs, the reason when it fails, the results when it is done.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import { followSimulation } from '../api/events';
import type { HistogramView, OutputSummary, Results, ScatterView, Simulation, Workbook } from '../api/types';
import { Chart } from '../charts/Chart';
import { cdfOption, convergenceOption, histogramOption, scatterOption, spiderOption, tornadoOption } from '../charts/options';
import { parseRef, shortRef } from '../state/cells';
import { elapsedSeconds, formatDuration, formatInteger, formatNumber, formatTime } from '../state/format';
import { fromSimulation } from '../state/model';
import { isFinished, newer, progressView } from '../state/progress';
import { METRICS, percentileMarkers, sensitivityBars, type SensitivityMetric, spiderLines, statisticsRows } from '../state/results';
import { href } from '../state/router';
import { canAnalyze } from '../state/session';
import { asApiError, Confirm, ErrorBox, Link, Loading, navigate, ProgressBar, StateBadge, useAction, useApp, useAsync, useTitle } from './common';
import { DownloadIcon } from './icons';
import { named, useRowLabels } from './labels';
import { modelStorageKey } from './workbook';

export function SimulationPage(props: { id: string }) {
  const loaded = useAsync(() => api.simulation(props.id), [props.id]);
  const [sim, setSim] = useState<Simulation | null>(null);
  const [connection, setConnection] = useState<string | null>(null);
  useEffect(() => setSim(loaded.data ?? null), [loaded.data]);
  useEffect(() => {
    if (!loaded.data || isFinished(loaded.data.state)) return;
    const f = followSimulation(loaded.data, setSim, setConnection);
    return () => f.stop();
  }, [loaded.data]);
  const workbook = useAsync(() => (sim ? api.workbook(sim.workbookId) : Promise.resolve(null)), [sim?.workbookId]);
  useTitle(sim ? sim.name || 'Simulation' : 'Simulation');

  if (loaded.error) return <div class="page"><ErrorBox error={loaded.error} retry={loaded.reload} /><Link href="/simulations">All simulations</Link></div>;
  if (!sim) return <Loading label="Opening the simulation…" />;
  return (
    <div class="page">
      <Header sim={sim} workbookName={workbook.data?.name} onChanged={setSim} />
      {connection && !isFinished(sim.state) && (
        <div class="alert warn" role="status">The connection to the server is interrupted ({connection}); retrying…</div>
      )}
      <ProgressCard sim={sim} />
      {sim.state === 'completed' && <ResultsSection sim={sim} workbook={workbook.data ?? undefined} />}
    </div>
  );
}

function Header(props: { sim: Simulation; workbookName?: string; onChanged: (s: Simulation) => void }) {
  const { sim } = props;
  const { me } = useApp();
  const analyst = canAnalyze(me);
  const [busy, act] = useAction();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const took = elapsedSeconds(sim.startedAt, sim.finishedAt);
  const rerun = async () => {
    await act(async () => {
      const w = await api.workbook(sim.workbookId);
      localStorage.setItem(modelStorageKey(w.id), JSON.stringify(fromSimulation(w, sim)));
      navigate(href({ page: 'workbook', id: w.id }));
    });
  };
  return (
    <div class="page-head">
      <div class="titles">
        <div class="row">
          <h1>{sim.name || `Run of ${props.workbookName ?? 'a workbook'}`}</h1>
          <StateBadge state={sim.state} />
        </div>
        <div class="sub">
          <Link href={href({ page: 'workbook', id: sim.workbookId })}>{props.workbookName ?? 'workbook'}</Link> · {formatInteger(sim.iterations)} iterations · {samplingName(sim.sampling)} · seed {sim.seed} · started {formatTime(sim.createdAt)}
          {isFinished(sim.state) && took !== undefined && <> · took {formatDuration(took)}</>}
        </div>
      </div>
      <div class="actions">
        {analyst && !isFinished(sim.state) && (
          <button class="danger" disabled={busy || sim.cancelRequested} onClick={() => act(async () => props.onChanged(newer(sim, await api.cancelSimulation(sim.id))), 'Cancelling the run')} data-testid="cancel">
            {sim.cancelRequested ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
        {sim.state === 'completed' && (
          <>
            <a class="button" href={api.samplesCsvUrl(sim.id)} download data-testid="download-csv"><DownloadIcon /> CSV</a>
            <a class="button" href={api.reportUrl(sim.id)} download data-testid="download-report"><DownloadIcon /> Excel report</a>
            <Link class="button" href={href({ page: 'compare', a: sim.id })}>Compare…</Link>
          </>
        )}
        {analyst && isFinished(sim.state) && <button onClick={rerun} disabled={busy}>Edit &amp; run again</button>}
        {analyst && isFinished(sim.state) && <button class="ghost" onClick={() => setConfirmDelete(true)}>Delete</button>}
      </div>
      <Confirm
        open={confirmDelete}
        title="Delete this simulation?"
        confirm="Delete"
        danger
        onClose={async (ok) => {
          setConfirmDelete(false);
          if (ok && (await act(() => api.deleteSimulation(sim.id).then(() => true), 'Simulation deleted'))) navigate('/simulations');
        }}
      >
        Its results, samples and report are deleted for everyone in the organization.
      </Confirm>
    </div>
  );
}

export function samplingName(s: string): string {
  return { lhs: 'Latin hypercube', mc: 'Monte Carlo', sobol: 'Sobol' }[s] ?? s;
}

function ProgressCard(props: { sim: Simulation }) {
  const v = progressView(props.sim);
  const took = elapsedSeconds(props.sim.startedAt, props.sim.finishedAt);
  return (
    <section class={`card progress-card ${v.tone}`} aria-label="Progress">
      <div class="card-body">
        <div class="headline">
          {v.tone === 'running' || v.tone === 'queued' ? <span class="spinner" aria-hidden="true" /> : null}
          <span data-testid="progress-headline">{v.headline}</span>
          <span style={{ marginLeft: 'auto' }} data-testid="progress-percent">{v.percent}%</span>
        </div>
        <ProgressBar fraction={v.fraction} tone={v.tone} big label="Simulation progress" />
        {v.tone === 'failed' ? (
          <div class="alert bad" role="alert" style={{ marginTop: '14px' }} data-testid="failure">
            <div><strong>The run failed</strong>{v.detail}</div>
          </div>
        ) : (
          <div class="progress-meta" aria-live="polite">
            <span data-testid="progress-detail">{v.detail}</span>
            {v.rate && <span><b>{v.rate}</b></span>}
            {v.eta && <span>{v.eta}</span>}
            {v.tone === 'done' && took !== undefined && <span>in {formatDuration(took)}</span>}
          </div>
        )}
        {v.tone === 'cancelled' && <p class="muted" style={{ marginTop: '10px' }}>Cancelled runs keep no results. Change the model and run it again from the workbook.</p>}
      </div>
    </section>
  );
}

/** How the results page calls a cell: its own name, or its row label, with the cell. */
export type Namer = (ref: string, name?: string) => string;

function ResultsSection(props: { sim: Simulation; workbook?: Workbook }) {
  const results = useAsync(() => api.results(props.sim.id), [props.sim.id]);
  const [selected, setSelected] = useState(0);
  const r = results.data;
  const refs = r ? [...r.outputs.map((o) => o.cell), ...r.inputs.map((i) => i.cell)] : [];
  const labels = useRowLabels(props.workbook?.id, props.workbook?.summary.sheets, refs);
  if (results.error) return <ErrorBox error={results.error} retry={results.reload} />;
  if (!r) return <Loading label="Loading the results…" />;
  const output = r.outputs[Math.min(selected, r.outputs.length - 1)];
  const home = parseRef(r.outputs[0]?.cell ?? '')?.sheet;
  const namer: Namer = (ref, name) => (name && name !== ref ? name : named(labels.get(ref), shortRef(ref, home)));
  return (
    <>
      {r.outputs.length > 1 && (
        <div class="tabs" role="tablist" aria-label="Outputs">
          {r.outputs.map((o, i) => (
            <button key={o.cell} class="tab" role="tab" aria-selected={i === selected} onClick={() => setSelected(i)}>
              {namer(o.cell, o.name)}
            </button>
          ))}
        </div>
      )}
      <OutputResults key={output.cell} simId={props.sim.id} results={r} output={output} namer={namer} />
    </>
  );
}

function OutputResults(props: { simId: string; results: Results; output: OutputSummary; namer: Namer }) {
  const { output, results, namer } = props;
  const stats = output.statistics;
  const name = namer(output.cell, output.name);
  const inputLabel = (input: string) => {
    const i = results.inputs.find((x) => x.cell === input || x.name === input);
    return namer(i?.cell ?? input, i?.name);
  };
  const cdf = useMemo(() => cdfOption(stats, name), [stats, name]);
  const inputNames = results.inputs.map((i) => inputLabel(i.cell)).join('|');
  const spider = useMemo(() => spiderOption(spiderLines(output.sensitivity), inputLabel, name), [output, name, inputNames]);
  const convergence = useMemo(() => (output.convergence ? convergenceOption(output.convergence) : null), [output]);
  const figures = [
    ['Mean', stats.mean],
    ['5th percentile', stats.percentiles['5']],
    ['Median', stats.percentiles['50']],
    ['95th percentile', stats.percentiles['95']],
  ] as const;
  return (
    <>
      <h2 style={{ margin: '4px 0 12px' }} data-testid="output-name">{name}</h2>
      <div class="key-figures">
        {figures.map(([label, value]) => (
          <div class="figure" key={label}>
            <div class="label">{label}</div>
            <div class="value">{formatNumber(value, 5)}</div>
          </div>
        ))}
      </div>
      <div class="results-top">
        <HistogramCard simId={props.simId} output={output} name={name} />
        <section class="card" aria-label="Statistics">
          <div class="card-head"><h3>Statistics</h3></div>
          <div class="card-body flush">
            <table class="data compact stat-table" data-testid="statistics">
              <tbody>
                {statisticsRows(stats).map((row) => (
                  <tr key={row.label}><td>{row.label}</td><td class="num">{row.value}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <div class="charts">
        <TornadoCard output={output} inputLabel={inputLabel} />
        <section class="card chart-card" aria-label="Cumulative distribution">
          <div class="card-head"><h3>Cumulative distribution</h3></div>
          <div class="card-body"><Chart option={cdf} label={`Cumulative distribution of ${name}`} testId="cdf-chart" /></div>
        </section>
        <section class="card chart-card" aria-label="Spider chart">
          <div class="card-head"><h3>Spider: the output's mean across each input's range</h3></div>
          <div class="card-body">
            <Chart option={spider} label={`Spider chart of ${name}`} testId="spider-chart" />
          </div>
        </section>
        <ScatterCard simId={props.simId} results={results} output={output} name={name} inputLabel={inputLabel} />
        {convergence && (
          <section class="card chart-card" aria-label="Convergence">
            <div class="card-head"><h3>Convergence of the mean</h3></div>
            <div class="card-body"><Chart option={convergence} label={`Convergence of the mean of ${name}`} testId="convergence-chart" /></div>
          </section>
        )}
        <section class="card" aria-label="Inputs">
          <div class="card-head"><h3>Inputs</h3></div>
          <div class="card-body flush">
            <table class="data compact">
              <thead><tr><th>Input</th><th>Distribution</th><th class="num">Mean</th><th class="num">P5 … P95</th></tr></thead>
              <tbody>
                {results.inputs.map((i) => (
                  <tr key={i.cell}>
                    <td>{namer(i.cell, i.name)}</td>
                    <td class="small mono">{i.distribution}</td>
                    <td class="num">{formatNumber(i.statistics.mean)}</td>
                    <td class="num">{formatNumber(i.statistics.percentiles['5'])} … {formatNumber(i.statistics.percentiles['95'])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}

function HistogramCard(props: { simId: string; output: OutputSummary; name: string }) {
  const stats = props.output.statistics;
  const automatic = stats.histogram.counts.length;
  const [bins, setBins] = useState(automatic);
  const [markers, setMarkers] = useState<number[]>([5, 50, 95]);
  const [rebinned, setRebinned] = useState<HistogramView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (bins === automatic) {
      setRebinned(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.histogram(props.simId, props.output.cell, bins, controller.signal).then(
        (h) => {
          setRebinned(h);
          setError('');
        },
        (e) => (e as Error).name !== 'AbortError' && setError(asApiError(e).detail),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [bins, props.simId, props.output.cell, automatic]);
  const histogram = rebinned ?? stats.histogram;
  const option = useMemo(() => histogramOption(histogram, percentileMarkers(stats, markers), props.name), [histogram, markers, stats, props.name]);
  return (
    <section class="card chart-card" aria-label="Histogram">
      <div class="card-head">
        <h3>Histogram</h3>
        <div class="chart-controls">
          <label for="bins">Bins</label>
          <input id="bins" type="range" min={5} max={200} value={bins} onInput={(e) => setBins(Number((e.target as HTMLInputElement).value))} data-testid="bins" />
          <span class="mono" style={{ width: '28px' }}>{bins}</span>
          <select
            aria-label="Percentile markers"
            value={markers.join(',')}
            onChange={(e) => setMarkers((e.target as HTMLSelectElement).value.split(',').filter(Boolean).map(Number))}
          >
            <option value="5,50,95">P5 · P50 · P95</option>
            <option value="10,50,90">P10 · P50 · P90</option>
            <option value="1,99">P1 · P99</option>
            <option value="25,50,75">quartiles</option>
            <option value="">no markers</option>
          </select>
        </div>
      </div>
      <div class="card-body">
        {error && <div class="alert bad small" role="alert">{error}</div>}
        <Chart option={option} label={`Histogram of ${props.name} with ${histogram.counts.length} bins`} class="tall" testId="histogram-chart" />
        <div class="preview-facts" style={{ justifyContent: 'center' }}>
          {percentileMarkers(stats, markers).map((m) => <span key={m.label}>{m.label} <b>{formatNumber(m.value, 5)}</b></span>)}
        </div>
      </div>
    </section>
  );
}

function TornadoCard(props: { output: OutputSummary; inputLabel: (input: string) => string }) {
  const [metric, setMetric] = useState<SensitivityMetric>('rankCorrelation');
  const bars = sensitivityBars(props.output.sensitivity, metric);
  const names = bars.map((b) => props.inputLabel(b.input)).join('|');
  const option = useMemo(() => tornadoOption(bars, metric, props.inputLabel), [props.output, metric, names]);
  return (
    <section class="card chart-card" aria-label="Tornado chart">
      <div class="card-head">
        <h3>Tornado: what drives it</h3>
        <div class="segmented" role="group" aria-label="Sensitivity measure">
          {METRICS.map((m) => (
            <button key={m.key} aria-pressed={metric === m.key} onClick={() => setMetric(m.key)} title={m.label}>
              {m.key === 'rankCorrelation' ? 'Rank corr.' : m.key === 'regressionCoefficient' ? 'Regression' : 'Variance'}
            </button>
          ))}
        </div>
      </div>
      <div class="card-body">
        {bars.length === 0 ? <p class="muted">No sensitivity: the output does not vary with any input.</p> : <Chart option={option} label={`Tornado chart: ${METRICS.find((m) => m.key === metric)?.label} of each input`} testId="tornado-chart" />}
      </div>
    </section>
  );
}

function ScatterCard(props: { simId: string; results: Results; output: OutputSummary; name: string; inputLabel: (input: string) => string }) {
  const strongest = props.output.sensitivity[0]?.input ?? props.results.inputs[0]?.cell;
  const [input, setInput] = useState(strongest);
  const [data, setData] = useState<ScatterView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!input) return;
    api.scatter(props.simId, props.output.cell, input).then(
      (d) => {
        setData(d);
        setError('');
      },
      (e) => setError(asApiError(e).detail),
    );
  }, [props.simId, props.output.cell, input]);
  const option = useMemo(() => (data ? scatterOption(data.x, data.y, props.inputLabel(input), props.name) : null), [data, props.inputLabel(input), props.name]);
  return (
    <section class="card chart-card" aria-label="Scatter chart">
      <div class="card-head">
        <h3>Scatter</h3>
        <div class="chart-controls">
          <label for="scatter-input">against</label>
          <select id="scatter-input" value={input} onChange={(e) => setInput((e.target as HTMLSelectElement).value)}>
            {props.results.inputs.map((i) => <option key={i.cell} value={i.cell}>{props.inputLabel(i.cell)}</option>)}
          </select>
        </div>
      </div>
      <div class="card-body">
        {error && <div class="alert bad small" role="alert">{error}</div>}
        {option ? <Chart option={option} label={`${props.name} against ${props.inputLabel(input)}`} testId="scatter-chart" /> : <Loading />}
        {data && <p class="muted small" style={{ margin: '0px' }}>{formatInteger(data.points)} of {formatInteger(data.iterations)} iterations, evenly spaced.</p>}
      </div>
    </section>
  );
}
