// The application: who is signed in, the page for the address, and the frame around it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { api } from '../api/carlo';
import type { DistributionInfo, Me } from '../api/types';
import { href, isPublic, parseRoute, type Route } from '../state/router';
import { displayName, initials } from '../state/session';
import { InvitationPage, SignInPage, SignUpPage } from './auth';
import { AppContext, type AppContextValue, Empty, Link, Loading, navigate, type Toast, useLocation } from './common';
import { ComparePage } from './compare';
import { CompareIcon, Logo, RunIcon, SettingsIcon, WorkbookIcon } from './icons';
import { SettingsPage } from './settings';
import { SimulationPage } from './simulation';
import { SimulationsPage } from './simulations';
import { WorkbookPage } from './workbook';
import { WorkbooksPage } from './workbooks';

let catalogPromise: Promise<DistributionInfo[]> | null = null;
function loadCatalog(): Promise<DistributionInfo[]> {
  catalogPromise ??= api.distributions().catch((e) => {
    catalogPromise = null;
    throw e;
  });
  return catalogPromise;
}

export function App() {
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname, search);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const refreshMe = useCallback(async () => {
    try {
      setMe(await api.me());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    refreshMe().catch(() => setMe(null));
  }, [refreshMe]);

  const toast = useCallback((text: string, tone: 'ok' | 'bad' = 'ok') => {
    const id = nextId.current++;
    setToasts((t) => [...t, { id, text, tone }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), tone === 'bad' ? 8000 : 4000);
  }, []);

  const context = useMemo<AppContextValue | null>(
    () => (me ? { me, refreshMe, toast, catalog: loadCatalog, signedOut: () => { setMe(null); navigate('/login'); } } : null),
    [me, refreshMe, toast],
  );

  // signed out on a private page: to the sign-in page, and back here afterwards
  useEffect(() => {
    if (me === null && !isPublic(route) && route.page !== 'invitation') {
      navigate(href({ page: 'login', next: pathname + search }), true);
    }
    if (me && isPublic(route)) navigate('/workbooks', true);
  }, [me, route.page, pathname, search]);

  const toastArea = (
    <div class="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} class={`toast ${t.tone}`} role={t.tone === 'bad' ? 'alert' : 'status'}>
          {t.text}
        </div>
      ))}
    </div>
  );

  if (me === undefined) return <Loading label="Starting Carlo…" />;
  if (!me || !context) {
    return (
      <>
        {route.page === 'signup' ? (
          <SignUpPage next={route.next} onSignedIn={setMe} />
        ) : route.page === 'invitation' ? (
          <InvitationPage token={route.token} signedIn={false} />
        ) : (
          <SignInPage next={route.page === 'login' ? route.next : undefined} onSignedIn={setMe} />
        )}
        {toastArea}
      </>
    );
  }
  return (
    <AppContext.Provider value={context}>
      <a class="skip-link" href="#content">Skip to content</a>
      <div class="shell">
        <TopBar me={me} onSignedOut={() => setMe(null)} refreshMe={refreshMe} />
        <nav class="sidebar" aria-label="Main">
          <div class="nav-section">Model</div>
          <Link class="nav-link" href="/workbooks" current={route.page === 'workbooks' || route.page === 'workbook'}>
            <WorkbookIcon /> Workbooks
          </Link>
          <Link class="nav-link" href="/simulations" current={route.page === 'simulations' || route.page === 'simulation'}>
            <RunIcon /> Simulations
          </Link>
          <Link class="nav-link" href="/compare" current={route.page === 'compare'}>
            <CompareIcon /> Compare runs
          </Link>
          <div class="nav-section">Organization</div>
          <Link class="nav-link" href="/settings" current={route.page === 'settings'}>
            <SettingsIcon /> Members &amp; keys
          </Link>
        </nav>
        <main class="main" id="content" tabIndex={-1}>
          {me.organization ? <Page key={me.organization.id} route={route} /> : <NoOrganization />}
        </main>
      </div>
      {toastArea}
    </AppContext.Provider>
  );
}

function Page(props: { route: Route }) {
  const r = props.route;
  switch (r.page) {
    case 'workbooks':
      return <WorkbooksPage />;
    case 'workbook':
      return <WorkbookPage id={r.id} sheet={r.sheet} cell={r.cell} />;
    case 'simulations':
      return <SimulationsPage workbook={r.workbook} />;
    case 'simulation':
      return <SimulationPage id={r.id} />;
    case 'compare':
      return <ComparePage a={r.a} b={r.b} />;
    case 'settings':
      return <SettingsPage />;
    case 'invitation':
      return <InvitationPage token={r.token} signedIn />;
    default:
      return (
        <div class="page">
          <Empty title="There is no such page">
            <p>
              <Link href="/workbooks">Go to your workbooks</Link>
            </p>
          </Empty>
        </div>
      );
  }
}

function NoOrganization() {
  return (
    <div class="page">
      <Empty title="You are not in any organization">
        <p>Create one in Members &amp; keys, or open an invitation link you were sent.</p>
        <Link class="button primary" href="/settings">Create an organization</Link>
      </Empty>
    </div>
  );
}

function TopBar(props: { me: Me; onSignedOut: () => void; refreshMe: () => Promise<void> }) {
  const { me } = props;
  const [switching, setSwitching] = useState(false);
  const switchTo = async (id: string) => {
    setSwitching(true);
    try {
      await api.switchOrganization(id);
      await props.refreshMe();
      navigate('/workbooks');
    } finally {
      setSwitching(false);
    }
  };
  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      props.onSignedOut();
      navigate('/login');
    }
  };
  return (
    <header class="topbar">
      <Link class="brand" href="/workbooks" title="Carlo">
        <Logo /> <span class="brand-text">Carlo</span>
      </Link>
      <div class="org-switch">
        <span>Organization</span>
        <select
          aria-label="Organization"
          value={me.organization?.id ?? ''}
          disabled={switching || me.organizations.length < 2}
          onChange={(e) => switchTo((e.target as HTMLSelectElement).value)}
        >
          {me.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.role})
            </option>
          ))}
        </select>
      </div>
      <div class="spacer" />
      <div class="user-menu">
        <div class="avatar" aria-hidden="true">{initials(me)}</div>
        <span class="who">{displayName(me)}</span>
        <button class="small" onClick={signOut}>Sign out</button>
      </div>
    </header>
  );
}
