import react from '@vitejs/plugin-react';
import { defineProjectConfig } from '@cruddur/vitest-config';

// Component tests only: no services, a DOM from happy-dom.
export default defineProjectConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['src/test-setup.ts'],
  },
});
