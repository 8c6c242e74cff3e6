// Builds the editor into admin/dist, served by the server at /admin. `npm run dev -w admin`
// serves it with hot reload and forwards /graphql to a server started with `npm start`.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Only our own scripts run, and the page talks to its own origin only: a stored <script> or a
// `javascript:` URL that slipped past rendering as text still could not run. Styles stay inline
// (MUI injects them at run time). Added to the built page only: the dev server injects inline
// scripts of its own.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'citeline-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI make one large chunk; splitting it buys nothing for an editor.
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
