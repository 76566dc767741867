// A workbook: what Carlo found in it, its sheets as a grid, and the model set up on it — inputs,
// outputs, correlations and settings — up to the run.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { GridCell, Workbook } from '../api/types';
import { a1, cellKey, formatRef, parseRef, shortRef } from '../state/cells';
import { formatBytes, formatInteger, formatNumber } from '../state/format';
import {
  findInput, initialModel, isOutput, type ModelState, problems, removeInput, restore, setCorrelation, setInput,
  setOutput, toSpec, updateSettings, MAX_ITERATIONS,
} from '../state/model';
import { href } from '../state/router';
import { canAnalyze } from '../state/session';
import { asApiError, ErrorBox, Link, Loading, navigate, useApp, useAsync, useTitle } from './common';
import { DistributionEditor } from './distribution-editor';
import { type Mark, type Selection, SheetView } from './grid';
import { useRowLabels } from './labels';

export const modelStorageKey = (id: string) => `carlo.model.${id}`;

export function WorkbookPage(props: { id: string; sheet?: number; cell?: string }) {
  const workbook = useAsync(() => api.workbook(props.id), [props.id]);
  useTitle(workbook.data?.name ?? 'Workbook');
  if (workbook.error) return <div class="page"><ErrorBox error={workbook.error} retry={workbook.reload} /><Link href="/workbooks">Back to the workbooks</Link></div>;
  if (!workbook.data) return <Loading label="Opening the workbook…" />;
  return <WorkbookView workbook={workbook.data} initialSheet={props.sheet} initialCell={props.cell} />;
}


/** A suggestion for a new input: ±10% around the cell's value as a triangle, or a standard normal. */
function suggestion(cell: GridCell | undefined): string {
  const v = typeof cell?.value === 'number' ? cell.value : NaN;
  if (!Number.isFinite(v) || v === 0) return 'Normal(0, 1)';
  const round = (x: number) => Number(x.toPrecision(4));
  const [lo, hi] = v > 0 ? [v * 0.9, v * 1.1] : [v * 1.1, v * 0.9];
  return `Triangular(${round(lo)}, ${round(v)}, ${round(hi)})`;
}

function WorkbookView(props: { workbook: Workbook; initialSheet?: number; initialCell?: string }) {
  const w = props.workbook;
  const { me } = useApp();
  const analyst = canAnalyze(me);
  const [sheet, setSheet] = useState(Math.min(props.initialSheet ?? 0, w.summary.sheets.length - 1));
  const [selected, setSelected] = useState<Selection | null>(() => (props.initialCell ? parseRef(props.initialCell) : null));
  const [selectedCell, setSelectedCell] = useState<GridCell | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [model, setModel] = useState<ModelState>(() => restore(localStorage.getItem(modelStorageKey(w.id)), w) ?? initialModel(w));
  const [runError, setRunError] = useState('');
  const [starting, setStarting] = useState(false);
  const [showDetails, setShowDetails] = useState(Object.keys(w.summary.unsupportedFunctions).length > 0);

  useEffect(() => localStorage.setItem(modelStorageKey(w.id), JSON.stringify(model)), [model, w.id]);

  const sheetName = w.summary.sheets[sheet].name;
  const selectedRef = selected ? formatRef({ sheet: sheetName, row: selected.row, col: selected.col }) : null;

  // what each cell is in the model, by sheet and position
  const marks = useMemo(() => {
    const m = new Map<string, Mark>();
    for (const cells of Object.values(w.summary.unsupportedCells)) {
      for (const c of cells) {
        const r = parseRef(c, w.summary.sheets[0].name);
        if (r) m.set(cellKey(r), 'unsupported');
      }
    }
    for (const o of model.outputs) {
      const r = parseRef(o.cell, w.summary.sheets[0].name);
      if (r) m.set(cellKey(r), 'output');
    }
    for (const i of model.inputs) {
      const r = parseRef(i.cell, w.summary.sheets[0].name);
      if (r) m.set(cellKey(r), 'input');
    }
    return m;
  }, [model, w]);

  const goTo = (ref: string) => {
    const r = parseRef(ref, sheetName);
    if (!r) return;
    const index = w.summary.sheets.findIndex((s) => s.name.toLowerCase() === r.sheet.toLowerCase());
    if (index >= 0) setSheet(index);
    setSelected({ row: r.row, col: r.col });
    setSelectedCell(undefined);
    setEditing(false);
  };

  const run = async () => {
    setRunError('');
    setStarting(true);
    try {
      const sim = await api.createSimulation(toSpec(model));
      navigate(href({ page: 'simulation', id: sim.id }));
    } catch (e) {
      setRunError(asApiError(e).detail);
    } finally {
      setStarting(false);
    }
  };

  const blockers = problems(model);
  const unsupported = Object.entries(w.summary.unsupportedFunctions);
  const selectedInput = selectedRef ? findInput(model, selectedRef) : undefined;
  const selectedOutput = selectedRef ? isOutput(model, selectedRef) : false;

  return (
    <div class="page wide">
      <div class="page-head" style={{ marginBottom: '10px' }}>
        <div class="titles">
          <h1>{w.name}</h1>
          <div class="sub">
            {plural(w.summary.sheets.length, 'sheet')} · {plural(w.summary.formulaCells, 'formula')} · {formatBytes(w.sizeBytes)}
          </div>
        </div>
        <div class="actions">
          <Link class="button" href={href({ page: 'simulations', workbook: w.id })}>Past runs</Link>
          <a class="button" href={api.workbookFileUrl(w.id)} download>Download</a>
          {analyst && (
            <button class="primary" onClick={run} disabled={blockers.length > 0 || starting} title={blockers[0]} data-testid="run">
              {starting ? 'Starting…' : 'Run simulation'}
            </button>
          )}
        </div>
      </div>

      <div class="summary-strip" aria-label="What Carlo found in the workbook">
        {unsupported.length > 0 ? (
          <span class="badge bad">{unsupported.length} unsupported function{unsupported.length > 1 ? 's' : ''}</span>
        ) : (
          <span class="badge ok">All {Object.keys(w.summary.functions).length} functions supported</span>
        )}
        {Object.keys(w.summary.parseErrors).length > 0 && <span class="badge bad">{Object.keys(w.summary.parseErrors).length} unreadable formulas</span>}
        <span class="badge input">{model.inputs.length} input{model.inputs.length === 1 ? '' : 's'}</span>
        <span class="badge output">{model.outputs.length} output{model.outputs.length === 1 ? '' : 's'}</span>
        {w.summary.declaredInputs.length + w.summary.declaredOutputs.length > 0 && (
          <span class="badge info">declared in the workbook: {plural(w.summary.declaredInputs.length, 'input')}, {plural(w.summary.declaredOutputs.length, 'output')}</span>
        )}
        {w.summary.hasMacros && <span class="badge warn">macros are ignored</span>}
        {w.summary.iterativeCalculation && <span class="badge warn">iterative calculation</span>}
        <button class="small ghost" aria-expanded={showDetails} onClick={() => setShowDetails(!showDetails)}>
          {showDetails ? 'Hide details' : 'Show details'}
        </button>
      </div>
      {(w.summary.warnings ?? []).map((warning) => (
        <div class="alert warn" role="status" key={warning}>{warning}</div>
      ))}
      {showDetails && <InspectDetails workbook={w} goTo={goTo} currentSheet={sheetName} />}

      <div class="workbook-layout">
        <SheetView
          workbookId={w.id}
          sheets={w.summary.sheets}
          sheet={sheet}
          onSheet={(i) => {
            setSheet(i);
            setSelected(null);
            setEditing(false);
          }}
          selected={selected}
          onSelect={(s, cell) => {
            setSelected(s);
            setSelectedCell(cell);
            setEditing(false);
          }}
          markOf={(row, col) => marks.get(cellKey({ sheet: sheetName, row, col }))}
        />
        <aside class="side-panel" aria-label="Model">
          <section class="card cell-panel" aria-label="Selected cell">
            <div class="card-body">
              {!selected ? (
                <p class="muted" style={{ margin: '0px' }}>Click a cell to make it an input (a distribution) or an output.</p>
              ) : (
                <>
                  <div class="row">
                    <span class="cell-ref" data-testid="cell-ref">{a1(selected.row, selected.col)}</span>
                    <span class="muted small">{sheetName}</span>
                    {selectedInput && <span class="badge input">input</span>}
                    {selectedOutput && <span class="badge output">output</span>}
                  </div>
                  <div class="cell-value">
                    {selectedCell ? (
                      <>
                        <div>Value: <b>{selectedCell.display || '(empty)'}</b></div>
                        {selectedCell.formula && <div>Formula: <code>{selectedCell.formula}</code></div>}
                      </>
                    ) : (
                      <span>(empty)</span>
                    )}
                  </div>
                  {analyst && editing && selectedRef && (
                    <DistributionEditor
                      key={selectedRef}
                      cellLabel={selectedRef}
                      initial={selectedInput?.distribution ?? suggestion(selectedCell)}
                      saveLabel={selectedInput ? 'Save input' : 'Make input'}
                      onSave={(d) => {
                        setModel((m) => setInput(setOutput(m, selectedRef, false), selectedRef, d));
                        setEditing(false);
                      }}
                      onCancel={() => setEditing(false)}
                    />
                  )}
                  {analyst && !editing && selectedRef && (
                    <div class="row">
                      {selectedInput ? (
                        <>
                          <div class="small" style={{ width: '100%' }}><code>{selectedInput.distribution}</code>{selectedInput.declared && <span class="muted"> (declared in the workbook)</span>}</div>
                          <button class="small" onClick={() => setEditing(true)}>Change distribution</button>
                          {(!selectedInput.declared || selectedInput.replaced) && (
                            <button class="small danger" onClick={() => setModel((m) => removeInput(m, selectedRef))}>
                              {selectedInput.declared ? 'Use the workbook’s distribution' : 'Remove input'}
                            </button>
                          )}
                        </>
                      ) : (
                        <button class="small" onClick={() => setEditing(true)} data-testid="make-input">Make input</button>
                      )}
                      {!selectedInput &&
                        (selectedOutput ? (
                          <button class="small danger" onClick={() => setModel((m) => setOutput(m, selectedRef, false))}>Remove output</button>
                        ) : (
                          <button class="small" onClick={() => setModel((m) => setOutput(m, selectedRef, true))} data-testid="make-output">Make output</button>
                        ))}
                    </div>
                  )}
                </>
              )}
            </div>
          </section>
          <ModelLists model={model} setModel={setModel} goTo={goTo} currentSheet={sheetName} analyst={analyst} workbook={w} />
          {analyst && (
            <RunSettings
              model={model}
              setModel={setModel}
              blockers={blockers}
              runError={runError}
              starting={starting}
              run={run}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${formatInteger(n)} ${word}${n === 1 ? '' : 's'}`;
}

function InspectDetails(props: { workbook: Workbook; goTo: (ref: string) => void; currentSheet: string }) {
  const s = props.workbook.summary;
  const unsupported = Object.entries(s.unsupportedFunctions);
  const parseErrors = Object.entries(s.parseErrors);
  const functions = Object.entries(s.functions).sort((a, b) => b[1] - a[1]);
  return (
    <div class="grid-3" style={{ marginBottom: '12px' }}>
      <section class="card" aria-label="Unsupported functions">
        <div class="card-head"><h3>Unsupported functions</h3></div>
        <div class="card-body">
          {unsupported.length === 0 && parseErrors.length === 0 && <p class="muted" style={{ margin: '0px' }}>None: Carlo computes every formula of this workbook.</p>}
          <ul class="list unsupported-list">
            {unsupported.map(([name, count]) => (
              <li key={name}>
                <span class="badge bad">{name}</span>
                <span class="grow small">
                  {count} cell{count > 1 ? 's' : ''}:{' '}
                  {(s.unsupportedCells[name] ?? []).slice(0, 6).map((c, i) => (
                    <>
                      {i > 0 && ', '}
                      <button class="link" onClick={() => props.goTo(c)} title={c}>{shortRef(c, props.currentSheet)}</button>
                    </>
                  ))}
                </span>
              </li>
            ))}
            {parseErrors.map(([cell, message]) => (
              <li key={cell}>
                <button class="link" onClick={() => props.goTo(cell)} title={cell}>{shortRef(cell, props.currentSheet)}</button>
                <span class="grow small muted">{message}</span>
              </li>
            ))}
          </ul>
          {unsupported.length > 0 && <p class="small muted" style={{ marginTop: '8px' }}>These cells evaluate to #NAME?; outputs that depend on them will be errors.</p>}
        </div>
      </section>
      <section class="card" aria-label="Functions used">
        <div class="card-head"><h3>Functions used</h3><span class="muted small">{functions.length}</span></div>
        <div class="card-body" style={{ maxHeight: '180px', overflowY: 'auto' }}>
          <div class="row">
            {functions.map(([name, count]) => (
              <span key={name} class={`badge ${s.unsupportedFunctions[name] ? 'bad' : ''}`}>{name} <span class="muted">{count}</span></span>
            ))}
          </div>
        </div>
      </section>
      <section class="card" aria-label="Sheets">
        <div class="card-head"><h3>Sheets</h3></div>
        <div class="card-body flush">
          <table class="data compact">
            <thead><tr><th>Sheet</th><th class="num">Cells</th><th class="num">Formulas</th><th>Range</th></tr></thead>
            <tbody>
              {s.sheets.map((sh) => (
                <tr key={sh.index}><td>{sh.name}</td><td class="num">{formatInteger(sh.cells)}</td><td class="num">{formatInteger(sh.formulaCells)}</td><td class="mono">{sh.usedRange}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function ModelLists(props: { model: ModelState; setModel: (f: (m: ModelState) => ModelState) => void; goTo: (ref: string) => void; currentSheet: string; analyst: boolean; workbook: Workbook }) {
  const { model } = props;
  const labels = useRowLabels(props.workbook.id, props.workbook.summary.sheets, [...model.inputs, ...model.outputs].map((x) => x.cell));
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [coefficient, setCoefficient] = useState('0.5');
  const inputs = model.inputs;
  const c = Number(coefficient);
  const canCorrelate = first !== '' && second !== '' && first !== second && c >= -1 && c <= 1 && coefficient.trim() !== '';
  return (
    <>
      <section class="card" aria-label="Inputs">
        <div class="card-head"><h3>Inputs</h3><span class="badge input">{inputs.length}</span></div>
        <div class="card-body" style={{ paddingTop: '4px', paddingBottom: '4px' }}>
          {inputs.length === 0 && <p class="muted small" style={{ margin: '8px 0' }}>No inputs yet. Select a cell with an uncertain value and choose “Make input”.</p>}
          <ul class="list" data-testid="inputs">
            {inputs.map((i) => (
              <li key={i.cell}>
                <button class="link" onClick={() => props.goTo(i.cell)} title={i.cell}>{shortRef(i.cell, props.currentSheet)}</button>
                <span class="grow detail" title={i.distribution}>
                  {labels.get(i.cell) && <span class="row-label">{labels.get(i.cell)}</span>}
                  {i.distribution}
                </span>
                {i.declared && !i.replaced && <span class="badge info" title="Declared in the workbook">workbook</span>}
                {props.analyst && (!i.declared || i.replaced) && (
                  <button class="small ghost" aria-label={`Remove input ${i.cell}`} onClick={() => props.setModel((m) => removeInput(m, i.cell))}>✕</button>
                )}
              </li>
            ))}
          </ul>
        </div>
      </section>
      <section class="card" aria-label="Outputs">
        <div class="card-head"><h3>Outputs</h3><span class="badge output">{model.outputs.length}</span></div>
        <div class="card-body" style={{ paddingTop: '4px', paddingBottom: '4px' }}>
          {model.outputs.length === 0 && <p class="muted small" style={{ margin: '8px 0' }}>No outputs yet. Select the result cell you care about and choose “Make output”.</p>}
          <ul class="list" data-testid="outputs">
            {model.outputs.map((o) => (
              <li key={o.cell}>
                <button class="link" onClick={() => props.goTo(o.cell)} title={o.cell}>{shortRef(o.cell, props.currentSheet)}</button>
                <span class="grow detail">
                  {labels.get(o.cell) && <span class="row-label">{labels.get(o.cell)}</span>}
                  {o.declared ? 'RiskOutput() in the workbook' : ''}
                </span>
                {props.analyst && <button class="small ghost" aria-label={`Remove output ${o.cell}`} onClick={() => props.setModel((m) => setOutput(m, o.cell, false))}>✕</button>}
              </li>
            ))}
          </ul>
        </div>
      </section>
      {(inputs.length >= 2 || model.correlations.length > 0) && (
        <section class="card" aria-label="Correlations">
          <div class="card-head"><h3>Correlations</h3><span class="muted small">rank (Spearman)</span></div>
          <div class="card-body">
            <ul class="list">
              {model.correlations.map((k) => (
                <li key={`${k.first}|${k.second}`}>
                  <span class="grow small"><span class="mono">{shortRef(k.first, props.currentSheet)}</span> ↔ <span class="mono">{shortRef(k.second, props.currentSheet)}</span></span>
                  <b>{formatNumber(k.coefficient, 3)}</b>
                  {props.analyst && <button class="small ghost" aria-label="Remove correlation" onClick={() => props.setModel((m) => setCorrelation(m, k.first, k.second, 0))}>✕</button>}
                </li>
              ))}
            </ul>
            {props.analyst && inputs.length >= 2 && (
              <div class="row" style={{ marginTop: '8px' }}>
                <select aria-label="First input" value={first} onChange={(e) => setFirst((e.target as HTMLSelectElement).value)}>
                  <option value="">input…</option>
                  {inputs.map((i) => <option key={i.cell} value={i.cell}>{shortRef(i.cell, props.currentSheet)}</option>)}
                </select>
                <select aria-label="Second input" value={second} onChange={(e) => setSecond((e.target as HTMLSelectElement).value)}>
                  <option value="">input…</option>
                  {inputs.map((i) => <option key={i.cell} value={i.cell}>{shortRef(i.cell, props.currentSheet)}</option>)}
                </select>
                <input aria-label="Coefficient" style={{ width: '70px' }} value={coefficient} inputMode="decimal" onInput={(e) => setCoefficient((e.target as HTMLInputElement).value)} />
                <button class="small" disabled={!canCorrelate} onClick={() => props.setModel((m) => setCorrelation(m, first, second, c))}>Add</button>
              </div>
            )}
          </div>
        </section>
      )}
    </>
  );
}

function RunSettings(props: {
  model: ModelState;
  setModel: (f: (m: ModelState) => ModelState) => void;
  blockers: string[];
  runError: string;
  starting: boolean;
  run: () => void;
}) {
  const s = props.model.settings;
  const set = (patch: Partial<ModelState['settings']>) => props.setModel((m) => updateSettings(m, patch));
  return (
    <section class="card" aria-label="Run settings">
      <div class="card-head"><h3>Run</h3></div>
      <div class="card-body">
        <div class="field">
          <label for="run-name">Name <span class="hint">(optional)</span></label>
          <input id="run-name" value={s.name} placeholder="e.g. base case" onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="iterations">Iterations</label>
            <input
              id="iterations"
              type="number"
              min={1}
              max={MAX_ITERATIONS}
              step={1000}
              value={s.iterations}
              onInput={(e) => set({ iterations: Number((e.target as HTMLInputElement).value) })}
            />
          </div>
          <div class="field">
            <label for="seed">Seed <span class="hint">(blank: random)</span></label>
            <input id="seed" inputMode="numeric" value={s.seed} placeholder="random" onInput={(e) => set({ seed: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="sampling">Sampling</label>
            <select id="sampling" value={s.sampling} onChange={(e) => set({ sampling: (e.target as HTMLSelectElement).value as ModelState['settings']['sampling'] })}>
              <option value="lhs">Latin hypercube</option>
              <option value="mc">Monte Carlo</option>
              <option value="sobol">Sobol (quasi-random)</option>
            </select>
          </div>
          <div class="field">
            <label for="method">Correlation method</label>
            <select id="method" value={s.correlationMethod} onChange={(e) => set({ correlationMethod: (e.target as HTMLSelectElement).value })}>
              <option value="iman-conover">Iman–Conover</option>
              <option value="gaussian">Gaussian copula</option>
              <option value="t:5">t copula (5 df)</option>
            </select>
          </div>
        </div>
        {props.blockers.length > 0 && (
          <ul class="small muted" style={{ paddingLeft: '18px', margin: '4px 0 10px' }} data-testid="blockers">
            {props.blockers.map((b) => <li key={b}>{b}</li>)}
          </ul>
        )}
        {props.runError && <div class="alert bad small" role="alert"><div><strong>The run was not started</strong>{props.runError}</div></div>}
        <button class="primary big" style={{ width: '100%' }} onClick={props.run} disabled={props.blockers.length > 0 || props.starting}>
          {props.starting ? 'Starting…' : `Run ${s.iterations > 0 ? formatInteger(s.iterations) : ''} iterations`}
        </button>
      </div>
    </section>
  );
}
