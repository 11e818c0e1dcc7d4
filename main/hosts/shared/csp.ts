/**
 * The renderer's Content Security Policy, the same under Electron's app:// protocol and the
 * loopback host. Scripts, styles, fonts and workers come only from the app's own files: no
 * eval, no inline script or style, nothing remote, no plug-ins, no framing. The renderer uses
 * native <dialog> rather than widgets that inject <style> elements, so no 'unsafe-inline'.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}
