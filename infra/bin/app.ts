import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { repoAssets } from '../src/assets';
import { addCruddurStack } from '../src/stack';

// `pnpm infra synth|diff|deploy [-c stage=prod] [-c database=rds] …` (see README.md).
const infra = join(import.meta.dirname, '..');
const { CDK_DEFAULT_ACCOUNT: account, CDK_DEFAULT_REGION: region } = process.env;
addCruddurStack(
  new App(),
  repoAssets(join(infra, '..'), join(infra, 'dist/live-image')),
  // The CLI always sets a region (us-east-1 when none is configured) but an account only with
  // credentials: without both, the template is environment-agnostic, the same on every machine.
  account && region ? { account, region } : undefined,
);
