import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The phone voting page (issue 9), built on its own so that the station serves a bundle holding
// nothing but the voter's screens: no secretary screens, no router, no contract client. The station
// server (main/station) serves build/station/ to phones on the meeting's network. Relative asset
// paths, no source maps (the phone has no use for them and the page stays small over Wi-Fi).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../build/station', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // Members' own phones, some of them old: Vite's former default for modules (Chrome 87 and
    // Safari 14, both with BigInt, which the sealing code needs) rather than today's newer baseline.
    target: ['es2020', 'chrome87', 'edge88', 'firefox78', 'safari14'],
    // Nothing is inlined as a data: URL, so the station's CSP need allow no data: sources.
    assetsInlineLimit: 0,
  },
  logLevel: 'warn',
});
