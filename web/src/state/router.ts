// The UI's pages and their addresses; the server answers index.html at each (io.carlo.server.web.WebUi).

export type Route =
  | { page: 'login'; next?: string }
  | { page: 'signup'; next?: string }
  | { page: 'workbooks' }
  | { page: 'workbook'; id: string; sheet?: number; cell?: string }
  | { page: 'simulations'; workbook?: string }
  | { page: 'simulation'; id: string }
  | { page: 'compare'; a?: string; b?: string }
  | { page: 'settings' }
  | { page: 'invitation'; token: string }
  | { page: 'notFound'; path: string };

export function parseRoute(pathname: string, search = ''): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const next = params.get('next') ?? undefined;
  if (parts.length === 0) return { page: 'workbooks' };
  const [first, second] = parts;
  if (parts.length === 1) {
    switch (first) {
      case 'login':
        return { page: 'login', next };
      case 'signup':
        return { page: 'signup', next };
      case 'workbooks':
        return { page: 'workbooks' };
      case 'simulations':
        return { page: 'simulations', workbook: params.get('workbook') ?? undefined };
      case 'settings':
        return { page: 'settings' };
      case 'compare':
        return { page: 'compare', a: params.get('a') ?? undefined, b: params.get('b') ?? undefined };
    }
  }
  if (parts.length === 2) {
    if (first === 'workbooks') {
      const sheet = params.get('sheet');
      return { page: 'workbook', id: second, sheet: sheet !== null && /^\d+$/.test(sheet) ? Number(sheet) : undefined, cell: params.get('cell') ?? undefined };
    }
    if (first === 'simulations') return { page: 'simulation', id: second };
    if (first === 'invitations') return { page: 'invitation', token: second };
  }
  return { page: 'notFound', path: pathname };
}

export function href(route: Route): string {
  const q = (params: Record<string, string | number | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
    const text = s.toString();
    return text ? `?${text}` : '';
  };
  switch (route.page) {
    case 'login':
      return `/login${q({ next: route.next })}`;
    case 'signup':
      return `/signup${q({ next: route.next })}`;
    case 'workbooks':
      return '/workbooks';
    case 'workbook':
      return `/workbooks/${encodeURIComponent(route.id)}${q({ sheet: route.sheet, cell: route.cell })}`;
    case 'simulations':
      return `/simulations${q({ workbook: route.workbook })}`;
    case 'simulation':
      return `/simulations/${encodeURIComponent(route.id)}`;
    case 'compare':
      return `/compare${q({ a: route.a, b: route.b })}`;
    case 'settings':
      return '/settings';
    case 'invitation':
      return `/invitations/${encodeURIComponent(route.token)}`;
    case 'notFound':
      return route.path;
  }
}

/** Pages a visitor who is not signed in may see. */
export function isPublic(route: Route): boolean {
  return route.page === 'login' || route.page === 'signup';
}

/** Where to go after signing in: back where the visitor was sent from, when that is one of our pages. */
export function afterSignIn(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/workbooks';
  const r = parseRoute(next.split('?')[0], next.includes('?') ? next.slice(next.indexOf('?')) : '');
  return r.page === 'notFound' || isPublic(r) ? '/workbooks' : next;
}
