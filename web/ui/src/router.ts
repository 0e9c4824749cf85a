/**
 * A tiny history router. The server answers every non-/api path with index.html, so
 * `/doc/<id>?start=1&end=9` is a real address: shareable, and the back button returns to the search.
 */
import { useMemo, useSyncExternalStore } from 'react';

export interface Route {
  path: string;
  query: URLSearchParams;
}

const CHANGE = 'atlas:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const current = () => `${window.location.pathname}${window.location.search}`;

export function parseLocation(pathAndQuery: string): Route {
  const at = pathAndQuery.indexOf('?');
  const path = at < 0 ? pathAndQuery : pathAndQuery.slice(0, at);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(at < 0 ? '' : pathAndQuery.slice(at + 1)) };
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, current);
  return useMemo(() => parseLocation(location), [location]);
}

/** The href for an in-app path such as `/entity/x`. */
export function href(to: string): string {
  return to;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === current()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

/** `/entity/:id` against `/entity/abc` → { id: 'abc' }. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** `from`: the in-app address to go back to (the search with its question), shown as 返回结果. */
export function docPath(docId: string, span?: { start: number; end: number }, from?: string): string {
  return withQuery(`/doc/${encodeURIComponent(docId)}`, { start: span?.start, end: span?.end, from });
}

/** The current in-app address (path and query), for a `from` link back to it. */
export function currentAddress(): string {
  return current();
}

/** An in-app path from a `from` parameter: only same-site paths, never `//host` or `javascript:`. */
export function safeReturnPath(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function entityPath(id: string, tab?: string): string {
  return withQuery(`/entity/${encodeURIComponent(id)}`, { tab });
}
