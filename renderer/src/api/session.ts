/**
 * The loopback host hands out a per-run key in the address it prints (?token=...). The page
 * keeps it for this tab only and removes it from the address bar, so it is not bookmarked or
 * shown on screen.
 */
const KEY = 'mg.session-token';

export function captureSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(KEY);
}

export function sessionToken(): string | null {
  return sessionStorage.getItem(KEY);
}
