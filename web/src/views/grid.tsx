// The workbook as a spreadsheet: sheet tabs, a formula bar, and a grid that draws only the cells on
// screen and fetches them from the server in blocks as the user scrolls.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { GridCell, SheetInfo } from '../api/types';
import { a1, columnName } from '../state/cells';
import {
  BLOCK_COLS, BLOCK_ROWS, DEFAULT_COL_WIDTH, ROW_HEIGHT, blockKey, blockRange, blocksFor, columnAt, columnOffsets, fitColumnWidths,
  move, visibleColumns, visibleRows,
} from '../state/grid';

/** Preact sets style values as given: lengths need their unit. */
const px = (n: number) => `${n}px`;
const HEADER = 24;
const ROW_HEADER = 48;

export type Mark = 'input' | 'output' | 'unsupported';

export interface Selection {
  row: number;
  col: number;
}

interface Props {
  workbookId: string;
  sheets: SheetInfo[];
  sheet: number;
  onSheet: (index: number) => void;
  selected: Selection | null;
  onSelect: (s: Selection, cell: GridCell | undefined) => void;
  /** What a cell of the current sheet is in the model, if anything. */
  markOf: (row: number, col: number) => Mark | undefined;
}

export function SheetView(props: Props) {
  const info = props.sheets[props.sheet];
  const rowCount = Math.max(info.lastRow + 1, 40);
  const colCount = Math.max(info.lastCol + 1, 12);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 800, height: 500 });
  const [cells, setCells] = useState(() => new Map<string, GridCell>());
  const [widths, setWidths] = useState<number[]>(() => new Array(colCount).fill(DEFAULT_COL_WIDTH));
  const requested = useRef(new Set<string>());
  const [failed, setFailed] = useState('');
  // one generation per sheet shown: answers for an earlier sheet are dropped, its requests aborted
  const generation = useRef({ id: 0, controller: new AbortController() });

  // a new sheet: forget the cells and widths of the last one
  useLayoutEffect(() => {
    generation.current.controller.abort();
    generation.current = { id: generation.current.id + 1, controller: new AbortController() };
    setCells(new Map());
    setWidths(new Array(colCount).fill(DEFAULT_COL_WIDTH));
    requested.current = new Set();
    setFailed('');
    scroller.current?.scrollTo(0, 0);
  }, [props.workbookId, props.sheet]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const offsets = useMemo(() => columnOffsets(widths), [widths]);
  const rows = visibleRows(view.top, view.height - HEADER, rowCount);
  const cols = visibleColumns(offsets, view.left, view.width - ROW_HEADER);

  // fetch the blocks on screen that are not here yet
  useEffect(() => {
    const gen = generation.current;
    for (const b of blocksFor(rows, cols)) {
      if (b.row * BLOCK_ROWS > info.lastRow || b.col * BLOCK_COLS > info.lastCol) continue;
      const key = blockKey(props.sheet, b);
      if (requested.current.has(key)) continue;
      requested.current.add(key);
      api.cells(props.workbookId, props.sheet, blockRange(b), gen.controller.signal).then(
        (w) => {
          if (gen !== generation.current) return;
          setCells((prev) => {
            const next = new Map(prev);
            for (const c of w.cells) next.set(`${c.row}:${c.col}`, c);
            return next;
          });
          if (b.row === 0 && b.col === 0) {
            setWidths((prev) => {
              const fitted = fitColumnWidths(w.cells, Math.min(colCount, BLOCK_COLS));
              return prev.map((old, i) => (i < fitted.length ? fitted[i] : old));
            });
          }
        },
        (e) => {
          if (gen !== generation.current) return;
          requested.current.delete(key);
          setFailed((e as Error).message);
        },
      );
    }
  }, [props.workbookId, props.sheet, rows.first, rows.last, cols.first, cols.last]);

  // keep the selected cell on screen
  const scrollIntoView = (s: Selection) => {
    const el = scroller.current;
    if (!el) return;
    const top = s.row * ROW_HEIGHT;
    const left = offsets[s.col] ?? 0;
    const right = left + (widths[s.col] ?? DEFAULT_COL_WIDTH);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - HEADER) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + HEADER;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + el.clientWidth - ROW_HEADER) el.scrollLeft = right - el.clientWidth + ROW_HEADER;
  };
  useEffect(() => {
    if (props.selected) scrollIntoView(props.selected);
  }, [props.selected?.row, props.selected?.col, props.sheet]);

  const select = (s: Selection) => props.onSelect(s, cells.get(`${s.row}:${s.col}`));
  const onKey = (e: KeyboardEvent) => {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'Enter'];
    if (!keys.includes(e.key)) return;
    e.preventDefault();
    const from = props.selected ?? { row: 0, col: 0 };
    select(props.selected ? move(from.row, from.col, e.key, rowCount, colCount, e.shiftKey) : from);
  };

  const selectedCell = props.selected ? cells.get(`${props.selected.row}:${props.selected.col}`) : undefined;
  const totalWidth = ROW_HEADER + offsets[offsets.length - 1];
  const totalHeight = HEADER + rowCount * ROW_HEIGHT;

  const drawn = [];
  for (let r = rows.first; r <= rows.last; r++) {
    for (let c = cols.first; c <= cols.last; c++) {
      const cell = cells.get(`${r}:${c}`);
      const mark = props.markOf(r, c);
      const isSelected = props.selected?.row === r && props.selected?.col === c;
      if (!cell && !mark && !isSelected) continue;
      const numeric = cell?.type === 'number' || cell?.type === 'boolean';
      const overflow = cell?.type === 'text' && !mark && !cells.has(`${r}:${c + 1}`);
      const cls = ['gcell', numeric && 'num', cell?.type === 'error' && 'err', cell?.formula && 'formula', overflow && 'overflow', mark, isSelected && 'selected']
        .filter(Boolean)
        .join(' ');
      drawn.push(
        <div
          key={`${r}:${c}`}
          class={cls}
          data-ref={a1(r, c)}
          style={{ top: px(HEADER + r * ROW_HEIGHT), left: px(ROW_HEADER + offsets[c]), width: px(widths[c]) }}
          title={cell?.formula ?? undefined}
        >
          {cell?.display ?? ''}
        </div>,
      );
    }
  }
  const colHeads = [];
  for (let c = cols.first; c <= cols.last; c++) {
    colHeads.push(
      <div key={c} class={`ghead${props.selected?.col === c ? ' active' : ''}`} style={{ top: '0px', left: px(ROW_HEADER + offsets[c]), width: px(widths[c]), height: px(HEADER) }}>
        {columnName(c)}
      </div>,
    );
  }
  const rowHeads = [];
  for (let r = rows.first; r <= rows.last; r++) {
    rowHeads.push(
      <div key={r} class={`ghead${props.selected?.row === r ? ' active' : ''}`} style={{ top: px(r * ROW_HEIGHT), left: '0px', width: px(ROW_HEADER), height: px(ROW_HEIGHT) }}>
        {r + 1}
      </div>,
    );
  }

  return (
    <div class="sheet-area">
      <div class="formula-bar" aria-live="polite">
        <div class="ref" data-testid="selected-ref">{props.selected ? a1(props.selected.row, props.selected.col) : ''}</div>
        <div class="fx" aria-hidden="true">fx</div>
        <div class="content" data-testid="formula-bar">{selectedCell?.formula ?? selectedCell?.display ?? ''}</div>
      </div>
      <div
        ref={scroller}
        class="sheet-grid"
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${info.name}: click a cell or move with the arrow keys`}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLDivElement;
          setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
        }}
        onKeyDown={onKey}
        onMouseDown={(e) => {
          const el = scroller.current;
          if (!el || (e.target as HTMLElement).classList.contains('ghead')) return;
          const rect = el.getBoundingClientRect();
          if (e.clientX - rect.left < ROW_HEADER || e.clientY - rect.top < HEADER) return;
          if (e.clientX - rect.left > el.clientWidth || e.clientY - rect.top > el.clientHeight) return; // scroll bars
          const x = e.clientX - rect.left + el.scrollLeft - ROW_HEADER;
          const y = e.clientY - rect.top + el.scrollTop - HEADER;
          const col = Math.min(colCount - 1, columnAt(offsets, x));
          select({ row: Math.min(rowCount - 1, Math.floor(y / ROW_HEIGHT)), col });
        }}
      >
        <div class="grid-canvas" style={{ width: px(totalWidth), height: px(totalHeight) }}>
          <div style={{ position: 'sticky', top: '0px', height: px(HEADER), width: px(totalWidth), zIndex: 5 }}>
            <div class="ghead corner" style={{ position: 'sticky', left: '0px', top: '0px', width: px(ROW_HEADER), height: px(HEADER) }} />
            {colHeads}
          </div>
          <div style={{ position: 'sticky', left: '0px', width: px(ROW_HEADER), height: px(rowCount * ROW_HEIGHT), zIndex: 4 }}>{rowHeads}</div>
          {drawn}
        </div>
      </div>
      {failed && <div class="alert bad small" role="alert">Some cells could not be loaded: {failed}</div>}
      <div class="sheet-tabs" role="tablist" aria-label="Sheets">
        {props.sheets.map((s) => (
          <button
            key={s.index}
            role="tab"
            class="sheet-tab"
            aria-selected={s.index === props.sheet}
            onClick={() => props.onSheet(s.index)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
