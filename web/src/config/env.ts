// Where the Cube REST API lives (same origin as the page) and where an API token may come from.
const hasWindow = typeof window !== 'undefined';

export const CUBE_API_URL = `${hasWindow ? window.location.origin : 'http://localhost:4000'}/cubejs-api/v1`;

const TOKEN_KEY = 'closedloop.token';

/**
 * A token from the URL (`?token=…`, remembered in localStorage) or from localStorage.
 * Empty in local mode, where the server needs none.
 */
export function readApiToken(): string {
  if (!hasWindow) return '';
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // Keep the token out of links people copy from the address bar.
    params.delete('token');
    const search = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
  }
  try {
    if (fromUrl) window.localStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl ?? window.localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return fromUrl ?? '';
  }
}
