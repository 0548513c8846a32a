import { createTRPCRouter, publicProcedure } from '../trpc';

export const authRouter = createTRPCRouter({
  /**
   * What the web app needs to sign in against the user pool; nothing here is secret (public app
   * clients have no secret). `cognitoEndpoint` is the endpoint the API itself uses, or null for AWS:
   * a local endpoint is usually not reachable from the browser's origin, so the web app decides
   * how to reach it (locally through its `/cognito` proxy).
   */
  config: publicProcedure.query(({ ctx }) => {
    const { config } = ctx.services;
    return {
      region: config.AWS_REGION,
      userPoolId: config.COGNITO_USER_POOL_ID,
      clientId: config.COGNITO_CLIENT_ID,
      cognitoEndpoint: config.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? null,
    };
  }),
});
