# syntax=docker/dockerfile:1
# The live-stream tier: apps/api's Node server bundle, nothing else. The build context is the
# folder infra/src/assets.ts prepares (this file and dist/server.mjs*), not the repository.
FROM public.ecr.aws/docker/library/node:22-alpine

# An RDS server's certificate chains to Amazon's RDS CAs, which Node does not trust by itself;
# NODE_EXTRA_CA_CERTS adds them to (not in place of) Node's own list, so other servers still verify.
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/ssl/certs/rds-global-bundle.pem
ENV NODE_ENV=production \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem

WORKDIR /app
COPY dist/ ./
USER node
EXPOSE 4000
CMD ["node", "server.mjs"]
