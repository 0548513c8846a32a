import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, transformWithEsbuild, type Plugin, type ProxyOptions } from 'vite';

/**
 * The production build's Content-Security-Policy, as a <meta> tag in index.html so that it holds
 * on any static host (the CloudFront distribution of infra/ also sends it as a header, narrowed
 * to its region, with frame-ancestors, which a <meta> cannot carry). Tokens live in localStorage,
 * where any injected script could read them: only the app's own scripts and styles run, and
 * requests go only to this origin (the API, and Cognito through the proxy) or to Amazon
 * Cognito, whose region the app learns at run time — a CSP host can only be wildcarded in its
 * first label, hence `*.amazonaws.com`. Not in `vite dev`: its hot reload injects inline code.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://*.amazonaws.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cruddur-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * src/theme/before-paint.js as a classic script in <head>: it runs before the first paint, so a
 * chosen theme never flashes the other one. A file rather than inline code, so the policy above
 * (and the CloudFront header's) needs no 'unsafe-inline' or hash. The build emits it minified
 * under assets/ with a content hash, cached like the other assets; `vite dev` serves the source.
 */
function themeBeforePaint(): Plugin {
  const source = 'src/theme/before-paint.js';
  const code = readFileSync(new URL(source, import.meta.url), 'utf8');
  const built = `assets/theme-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
  let serving = false;
  return {
    name: 'cruddur-theme-before-paint',
    configResolved: (config) => {
      serving = config.command === 'serve';
    },
    async buildStart() {
      if (serving) return;
      const minified = await transformWithEsbuild(code, source, { minify: true });
      this.emitFile({ type: 'asset', fileName: built, source: minified.code });
    },
    transformIndexHtml: () => [
      { tag: 'script', attrs: { src: serving ? `/${source}` : `/${built}` }, injectTo: 'head' },
    ],
  };
}

/**
 * One origin serves the app, the API and the Cognito endpoint, in `vite` (dev) and `vite preview`
 * (the production build, as the end-to-end suite serves it): no CORS, and EventSource — which
 * cannot send headers — reaches the API on the page's own origin. The proxy pipes responses
 * through unbuffered, so server-sent events stream.
 */
const proxy: Record<string, ProxyOptions> = {
  '/trpc': {
    target: process.env.API_PROXY_TARGET ?? 'http://localhost:4000',
    changeOrigin: true,
  },
  '/cognito': {
    target: process.env.COGNITO_PROXY_TARGET ?? 'http://localhost:9229',
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/cognito/, '') || '/',
  },
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), themeBeforePaint()],
  server: { port: 5173, proxy },
  preview: { proxy },
  build: {
    // Modern browsers only: smaller output, native ES modules and dynamic import.
    target: 'es2022',
    sourcemap: true,
  },
});
