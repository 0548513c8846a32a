// Importing this module has no side effects: the web app imports `type AppRouter` from it.
export { appRouter, type AppRouter } from './root';
export { apiEnv, loadApiConfig, type ApiConfig } from './config';
export { createApiContext, createCallerFactory, type ApiContext } from './trpc';
export { createApiServices, type ApiServices, type ApiServicesOptions } from './services';
export { createApiServer, type ApiServer } from './http-server';
export { TRIGGER_FUNCTIONS } from './triggers/functions';
