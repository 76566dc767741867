// The HTTP side of the UI: JSON requests with the browser session, the CSRF token echoed from its
// cookie on state-changing requests, and RFC 9457 problem+json errors turned into ApiError.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail || title);
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Called when the server says the session is gone (401 on a request that needed it). */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Headers every request carries; the XSRF token on unsafe methods. */
export function headersFor(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (json) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method)) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

/** The error a failed response stands for, with the server's words when it sent a problem. */
export async function errorOf(res: Response): Promise<ApiError> {
  let title = res.statusText || 'Request failed';
  let detail = '';
  try {
    const body = await res.json();
    if (body && typeof body === 'object') {
      title = body.title ?? title;
      detail = body.detail ?? '';
    }
  } catch {
    // not JSON: keep the status text
  }
  if (!detail) detail = defaultDetail(res.status);
  return new ApiError(res.status, title, detail);
}

function defaultDetail(status: number): string {
  if (status === 0) return 'the server cannot be reached; check your connection';
  if (status >= 500) return 'the server had a problem; try again in a moment';
  if (status === 404) return 'not found';
  return '';
}

function isCsrfFailure(e: ApiError): boolean {
  return e.status === 403 && /csrf/i.test(e.title);
}

export interface RequestOptions {
  /** Do not treat a 401 as the end of the session (sign-in itself). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const send = () =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'Network error', 'the server cannot be reached; check your connection');
  }
  if (!res.ok) {
    let error = await errorOf(res);
    if (isCsrfFailure(error)) {
      // the XSRF-TOKEN cookie comes with a safe request: fetch one, then try once more
      await fetch('/api/v1/me', { credentials: 'same-origin' });
      res = await send();
      if (res.ok) return parse<T>(res);
      error = await errorOf(res);
    }
    if (error.status === 401 && !options.anonymous) onUnauthorized();
    throw error;
  }
  return parse<T>(res);
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body ?? {}, options);
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
/** A DELETE; the body, when there is one, confirms something that cannot be undone. */
export const del = <T = void>(path: string, body?: unknown) => request<T>('DELETE', path, body);

/** A query string from the defined values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
