// Choosing an input's distribution: a searchable list, its parameters, and a live preview of its
// shape computed by the server with the engine's own distribution.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { DistributionInfo, DistributionPreview } from '../api/types';
import { Chart } from '../charts/Chart';
import { previewOption } from '../charts/options';
import { buildCall, checkParameters, fieldsFor, findDistribution, parameterLabel, parseCall, searchDistributions } from '../state/distributions';
import { formatNumber } from '../state/format';
import { asApiError, Loading, useApp } from './common';

interface Props {
  /** The distribution now, e.g. Triangular(0.05, 0.1, 0.15), or a suggestion for a new input. */
  initial: string;
  cellLabel: string;
  saveLabel: string;
  onSave: (distribution: string) => void;
  onCancel: () => void;
}

export function DistributionEditor(props: Props) {
  const { catalog } = useApp();
  const [list, setList] = useState<DistributionInfo[] | null>(null);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    catalog().then(setList, (e) => setLoadError(asApiError(e).detail));
  }, [catalog]);
  if (loadError) return <div class="alert bad" role="alert">The distributions could not be loaded: {loadError}</div>;
  if (!list) return <Loading label="Loading distributions…" />;
  return <Editor {...props} catalog={list} />;
}

function Editor(props: Props & { catalog: DistributionInfo[] }) {
  const initialInfo = findDistribution(props.catalog, parseCall(props.initial)?.name ?? '') ?? findDistribution(props.catalog, 'Normal')!;
  const [chosen, setChosen] = useState<DistributionInfo>(initialInfo);
  const [fields, setFields] = useState<string[]>(() => fieldsFor(initialInfo, props.initial));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchDistributions(props.catalog, query), [props.catalog, query]);
  const listRef = useRef<HTMLDivElement>(null);

  const choose = (d: DistributionInfo) => {
    setChosen(d);
    setFields(fieldsFor(d, props.initial));
  };
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const problem = checkParameters(chosen, fields);
  const call = buildCall(chosen.name, fields);
  const preview = usePreview(problem ? null : call);

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && matches[active]) {
      e.preventDefault();
      choose(matches[active]);
    }
  };
  const error = problem ?? preview.error;

  return (
    <div class="dist-editor">
      <div class="field dist-search">
        <label for="dist-search">Distribution</label>
        <input
          id="dist-search"
          type="search"
          aria-controls="dist-listbox"
          aria-activedescendant={matches[active] ? `dist-${matches[active].name}` : undefined}
          placeholder={`Search ${props.catalog.length} distributions (e.g. triang, pert, normal)`}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
          autocomplete="off"
        />
        <div class="dist-list" id="dist-listbox" role="listbox" aria-label="Distributions" ref={listRef}>
          {matches.length === 0 && <div class="dist-option muted">No distribution matches “{query}”.</div>}
          {matches.map((d, i) => (
            <div
              key={d.name}
              id={`dist-${d.name}`}
              data-index={i}
              role="option"
              aria-selected={d.name === chosen.name}
              class={`dist-option${i === active ? ' active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
                choose(d);
              }}
            >
              <span>
                {d.name}
                {d.aliases.length > 0 && <span class="fam"> · {d.aliases.slice(0, 2).join(', ')}</span>}
              </span>
              <span class="fam">{d.family}</span>
            </div>
          ))}
        </div>
      </div>
      <fieldset style={{ border: '0px', padding: '0px', margin: '0px' }}>
        <legend class="sr-only">Parameters of {chosen.name}</legend>
        <div class="field-row">
          {chosen.parameters.map((p, i) => {
            const { label, hint } = parameterLabel(p);
            const id = `param-${i}`;
            return (
              <div class="field" key={`${chosen.name}-${i}`}>
                <label for={id}>
                  {label}
                  {hint && <span class="hint"> ({hint})</span>}
                  {i >= chosen.required && <span class="hint"> optional</span>}
                </label>
                <input
                  id={id}
                  name={`param-${label}`}
                  value={fields[i] ?? ''}
                  inputMode={p.startsWith('{') ? 'text' : 'decimal'}
                  aria-invalid={error !== null && error !== undefined && error.startsWith(p)}
                  onInput={(e) => {
                    const v = (e.target as HTMLInputElement).value;
                    setFields((f) => f.map((x, j) => (j === i ? v : x)));
                  }}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div class="muted small" style={{ marginBottom: '6px' }}>
        <code data-testid="distribution-call">{call}</code>
      </div>
      {error ? (
        <div class="alert bad small" role="alert">{error}</div>
      ) : preview.data ? (
        <PreviewChart preview={preview.data} />
      ) : (
        <div class="chart short" />
      )}
      <div class="row" style={{ marginTop: '10px' }}>
        <button class="primary" disabled={!!error || preview.loading} onClick={() => props.onSave(call)}>
          {props.saveLabel}
        </button>
        <button onClick={props.onCancel}>Cancel</button>
      </div>
    </div>
  );
}

function PreviewChart(props: { preview: DistributionPreview }) {
  const p = props.preview;
  const option = useMemo(() => previewOption(p), [p]);
  return (
    <div>
      <Chart option={option} label={`Shape of ${p.description}`} class="short" testId="preview-chart" />
      <div class="preview-facts">
        <span>mean <b>{formatNumber(p.mean)}</b></span>
        <span>P5 <b>{formatNumber(p.p5)}</b></span>
        <span>median <b>{formatNumber(p.p50)}</b></span>
        <span>P95 <b>{formatNumber(p.p95)}</b></span>
      </div>
    </div>
  );
}

/** The preview of a call, asked for a moment after the typing stops; older answers are dropped. */
function usePreview(call: string | null): { data?: DistributionPreview; error?: string; loading: boolean } {
  const [state, setState] = useState<{ data?: DistributionPreview; error?: string; loading: boolean }>({ loading: false });
  useEffect(() => {
    if (!call) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    const timer = setTimeout(() => {
      api.preview(call, controller.signal).then(
        (data) => setState({ data, loading: false }),
        (e) => {
          if ((e as Error).name !== 'AbortError') setState({ error: asApiError(e).detail, loading: false });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [call]);
  return state;
}
