import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

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
  plugins: [react()],
  server: { port: 5173, proxy },
  preview: { proxy },
  build: {
    // Modern browsers only: smaller output, native ES modules and dynamic import.
    target: 'es2022',
    sourcemap: true,
  },
});
