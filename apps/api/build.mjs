// Bundles the Node server, the API's Lambda handler and the Cognito trigger Lambdas into dist/.
import { bundleNode } from '@cruddur/esbuild-config';

await bundleNode({
  entryPoints: {
    server: 'src/server.ts',
    lambda: 'src/lambda.ts',
    'pre-sign-up': 'src/pre-sign-up.ts',
    'post-confirmation': 'src/post-confirmation.ts',
  },
  // Stack traces of a server are read by people: keep the names.
  minify: false,
});
