// Bundles the Node server and the Lambda handler into dist/.
import { bundleNode } from '@cruddur/esbuild-config';

await bundleNode({
  entryPoints: { server: 'src/server.ts', lambda: 'src/lambda.ts' },
  // Stack traces of a server are read by people: keep the names.
  minify: false,
});
