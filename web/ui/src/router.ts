/**
 * A tiny hash router: `#/doc/<id>?start=1&end=9`. Hash URLs work behind any static server
 * (no history fallback needed) and keep the search state in the address for the back button.
 */
import { useMemo, useSyncExternalStore } from 'react';

export interface Route {
  path: string;
  query: URLSearchParams;
}

const CHANGE = 'atlas:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** The href for an in-app path such as `/entity/x`. */
export function href(to: string): string {
  return `#${to}`;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) {
    window.history.replaceState(null, '', href(to));
    window.dispatchEvent(new Event(CHANGE));
  } else {
    window.location.hash = to;
  }
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

export function docPath(docId: string, span?: { start: number; end: number }): string {
  return withQuery(`/doc/${encodeURIComponent(docId)}`, { start: span?.start, end: span?.end });
}

export function entityPath(id: string, tab?: string): string {
  return withQuery(`/entity/${encodeURIComponent(id)}`, { tab });
}
