// Names for cells that have none of their own: the text to their left on their row, read from the
// workbook once per row and kept for the session.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { SheetInfo } from '../api/types';
import { a1, parseRef, rowLabel } from '../state/cells';

const cache = new Map<string, Promise<string | null>>();

function labelOf(workbookId: string, sheets: SheetInfo[], ref: string): Promise<string | null> {
  const r = parseRef(ref, sheets[0]?.name ?? '');
  if (!r || r.col === 0) return Promise.resolve(null);
  const sheet = sheets.find((s) => s.name.toLowerCase() === r.sheet.toLowerCase());
  if (!sheet) return Promise.resolve(null);
  const key = `${workbookId}|${sheet.index}|${r.row}|${r.col}`;
  let p = cache.get(key);
  if (!p) {
    p = api
      .cells(workbookId, sheet.index, `A${r.row + 1}:${a1(r.row, r.col - 1)}`)
      .then((w) => rowLabel(w.cells, r.row, r.col))
      .catch(() => null);
    cache.set(key, p);
  }
  return p;
}

/** The row labels of the given cells, as they arrive (a cell without one is absent). */
export function useRowLabels(workbookId: string | undefined, sheets: SheetInfo[] | undefined, refs: string[]): Map<string, string> {
  const [labels, setLabels] = useState(() => new Map<string, string>());
  const key = refs.join('\n');
  useEffect(() => {
    if (!workbookId || !sheets) return;
    let live = true;
    Promise.all(refs.map((ref) => labelOf(workbookId, sheets, ref).then((l) => [ref, l] as const))).then((pairs) => {
      if (!live) return;
      const m = new Map<string, string>();
      for (const [ref, l] of pairs) if (l) m.set(ref, l);
      setLabels(m);
    });
    return () => {
      live = false;
    };
  }, [workbookId, sheets, key]);
  return labels;
}

/** A cell's name for a chart or a list: its label and its cell, or the cell alone. */
export function named(label: string | undefined, cell: string, max = 32): string {
  if (!label) return cell;
  const short = label.length > max ? `${label.slice(0, max - 1)}…` : label;
  return `${short} (${cell})`;
}
