import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { describe, expect, it, inject } from 'vitest';
import { addCruddurStack } from './stack';
import { CDK_JSON, placeholderAssets } from './testing/synth';

const infra = join(import.meta.dirname, '..');
const outdir = mkdtempSync(join(inject('infraScratchDir'), 'app-'));

describe('bin/app.ts', () => {
  it('synthesises the real build outputs offline, without credentials, environment-agnostic', async () => {
    // What `cdk synth` does: run the app with the output folder and the context in the environment.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(AWS_|CDK_DEFAULT_)/.test(name)),
    );
    const { stderr } = await promisify(execFile)('node', CDK_JSON.app.split(' ').slice(1), {
      cwd: infra,
      env: { ...env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(CDK_JSON.context) },
    });
    expect(stderr).not.toMatch(/error/i);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string }>;
      missing?: unknown;
    };
    expect(manifest.artifacts['CruddurMessages-dev']).toMatchObject({
      type: 'aws:cloudformation:stack',
      environment: 'aws://unknown-account/unknown-region',
    });
    expect(manifest.missing).toBeUndefined();
  }, 60_000);

  it('needs no lookups either when the CLI names an account and a region', () => {
    const app = new App({ outdir: join(outdir, 'with-env'), context: CDK_JSON.context });
    addCruddurStack(app, placeholderAssets(), { account: '123456789012', region: 'eu-west-1' });
    const assembly = app.synth();
    expect(assembly.manifest.missing).toBeUndefined();
    expect(assembly.getStackByName('CruddurMessages-dev').environment).toMatchObject({
      account: '123456789012',
      region: 'eu-west-1',
    });
  });
});
