import { describe, expect, test } from 'vitest';
import { afterSignIn, href, parseRoute, type Route } from './router';

describe('routes', () => {
  test('every page has an address that reads back as itself', () => {
    const routes: Route[] = [
      { page: 'login', next: '/workbooks/abc' }, { page: 'signup' }, { page: 'workbooks' },
      { page: 'workbook', id: 'abc', sheet: 2, cell: 'B12' }, { page: 'workbook', id: 'abc' },
      { page: 'simulations' }, { page: 'simulations', workbook: 'w1' }, { page: 'simulation', id: 's1' }, { page: 'compare', a: 'x', b: 'y' },
      { page: 'settings' }, { page: 'invitation', token: 'tok' },
    ];
    for (const r of routes) {
      const url = new URL(href(r), 'http://host');
      expect(parseRoute(url.pathname, url.search)).toEqual(r);
    }
  });

  test('the root is the workbooks page; anything else is not found', () => {
    expect(parseRoute('/')).toEqual({ page: 'workbooks' });
    expect(parseRoute('/workbooks/')).toEqual({ page: 'workbooks' });
    expect(parseRoute('/nope')).toEqual({ page: 'notFound', path: '/nope' });
    expect(parseRoute('/workbooks/a/b')).toEqual({ page: 'notFound', path: '/workbooks/a/b' });
  });

  test('after signing in, back to a page of ours only', () => {
    expect(afterSignIn('/simulations/s1')).toBe('/simulations/s1');
    expect(afterSignIn('/compare?a=1&b=2')).toBe('/compare?a=1&b=2');
    expect(afterSignIn('https://evil.example/')).toBe('/workbooks');
    expect(afterSignIn('//evil.example/')).toBe('/workbooks');
    expect(afterSignIn('/login')).toBe('/workbooks');
    expect(afterSignIn(undefined)).toBe('/workbooks');
  });
});
