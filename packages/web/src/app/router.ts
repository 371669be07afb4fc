import { useMemo, useSyncExternalStore } from 'react';

/**
 * A small history router: the server answers index.html for every non-/api path (SPA fallback),
 * so plain History API URLs work on reload and in bookmarks.
 */
const navigationEvent = 'sillage:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function currentHref(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentHref()) {
    return;
  }
  if (options.replace === true) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
  }
  window.dispatchEvent(new Event(navigationEvent));
}

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, currentHref, () => '/');
  return useMemo(() => {
    const url = new URL(href, 'http://local');
    return { pathname: url.pathname, search: url.searchParams, href };
  }, [href]);
}

/**
 * Matches `/patients/:id/modifier` against a pathname; returns the decoded parameters or null.
 * A trailing slash is ignored.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter((part) => part !== '');
  const pathParts = pathname.split('/').filter((part) => part !== '');
  if (patternParts.length !== pathParts.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (const [index, patternPart] of patternParts.entries()) {
    const pathPart = pathParts[index] ?? '';
    if (patternPart.startsWith(':')) {
      try {
        params[patternPart.slice(1)] = decodeURIComponent(pathPart);
      } catch {
        return null;
      }
    } else if (patternPart !== pathPart) {
      return null;
    }
  }
  return params;
}

/** True for a click the browser should handle itself (new tab, new window, download). */
export function isModifiedClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/** onClick for an <a href> that navigates inside the app (plain clicks only). */
export function followLink(href: string) {
  return (event: {
    button: number;
    metaKey: boolean;
    ctrlKey: boolean;
    shiftKey: boolean;
    altKey: boolean;
    preventDefault: () => void;
  }) => {
    if (isModifiedClick(event)) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
}
