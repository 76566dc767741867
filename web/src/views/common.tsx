// Building blocks shared by the pages: navigation, app-wide context, async loading, feedback.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { DistributionInfo, Me } from '../api/types';
import { EmptyIcon } from './icons';

// ---- navigation ----

type Listener = () => void;
const listeners = new Set<Listener>();

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  document.querySelector('.main')?.scrollTo(0, 0);
}

/** The current location, re-rendering on every navigation (links, back and forward). */
export function useLocation(): { pathname: string; search: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return { pathname: location.pathname, search: location.search };
}

export function Link(props: { href: string; class?: string; children: ComponentChildren; current?: boolean; title?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      title={props.title}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

// ---- app context ----

export interface Toast {
  id: number;
  text: string;
  tone: 'ok' | 'bad';
}

export interface AppContextValue {
  me: Me;
  refreshMe: () => Promise<void>;
  toast: (text: string, tone?: 'ok' | 'bad') => void;
  catalog: () => Promise<DistributionInfo[]>;
  /** The session is gone (the account was deleted): to the sign-in page. */
  signedOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside the signed-in app');
  return ctx;
}

// ---- async data ----

export interface Async<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

/** Loads data when its dependencies change; keeps the last data while reloading. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState((s) => ({ data: s.data, error: asApiError(error), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return {
    ...state,
    reload: useCallback(() => setTick((t) => t + 1), []),
    set: useCallback((data: T) => setState({ data, loading: false }), []),
  };
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'Error', e instanceof Error ? e.message : String(e));
}

/** Runs an action once at a time, reporting its failure as a toast. */
export function useAction(): [boolean, <T>(run: () => Promise<T>, success?: string) => Promise<T | undefined>] {
  const { toast } = useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T,>(action: () => Promise<T>, success?: string) => {
      setBusy(true);
      try {
        const result = await action();
        if (success) toast(success);
        return result;
      } catch (e) {
        toast(asApiError(e).detail || asApiError(e).title, 'bad');
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [toast],
  );
  return [busy, run];
}

// ---- feedback ----

export function Loading(props: { label?: string }) {
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </div>
  );
}

export function ErrorBox(props: { error: ApiError; retry?: () => void }) {
  return (
    <div class="alert bad" role="alert">
      <div>
        <strong>{props.error.status === 404 ? 'Not found' : props.error.title}</strong>
        {props.error.detail}
      </div>
      {props.retry && (
        <button class="small" onClick={props.retry} style={{ marginLeft: 'auto' }}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <EmptyIcon />
      <h3>{props.title}</h3>
      {props.children}
    </div>
  );
}

export function StateBadge(props: { state: string }) {
  const tone = { completed: 'ok', failed: 'bad', cancelled: 'warn', running: 'info', queued: '' }[props.state] ?? '';
  return <span class={`badge ${tone}`}>{props.state}</span>;
}

export function ProgressBar(props: { fraction: number; tone?: string; big?: boolean; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, props.fraction)) * 100);
  return (
    <div class={`progress${props.big ? ' big' : ''}`} role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div class={`progress-fill ${props.tone ?? ''}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** A modal confirmation; resolves with the choice. */
export function Confirm(props: { open: boolean; title: string; children: ComponentChildren; confirm: string; danger?: boolean; disabled?: boolean; onClose: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog ref={ref} onCancel={(e) => { e.preventDefault(); props.onClose(false); }} aria-labelledby="confirm-title">
      <div class="card-body">
        <h2 id="confirm-title" style={{ marginBottom: '8px' }}>{props.title}</h2>
        <div class="muted">{props.children}</div>
        <div class="row end">
          <button onClick={() => props.onClose(false)}>Cancel</button>
          <button class={props.danger ? 'danger' : 'primary'} disabled={props.disabled} onClick={() => props.onClose(true)}>{props.confirm}</button>
        </div>
      </div>
    </dialog>
  );
}

/** Sets the document title while a page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Carlo` : 'Carlo';
  }, [title]);
}
