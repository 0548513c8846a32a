// Bundles the Lambda handler into dist/handler.mjs.
import { bundleNode } from '@cruddur/esbuild-config';

await bundleNode({ entryPoints: { handler: 'src/handler.ts' } });
