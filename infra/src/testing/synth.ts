import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type IConstruct } from 'constructs';
import { inject } from 'vitest';
import { type AppAssets, prepareLiveImageContext } from '../assets';
import { type DatabaseMode, type Stage } from '../config';
import { addCruddurStack, type CruddurStack } from '../stack';

/** The feature flags and settings `cdk` gives the app, so that tests synthesise what it does. */
export const CDK_JSON = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../cdk.json'), 'utf8'),
) as { app: string; output: string; context: Record<string, unknown> };

// One scratch folder per worker, inside the suite's (global-setup.ts removes it).
const scratch = mkdtempSync(join(inject('infraScratchDir'), 'worker-'));

/** Files of the apps' build outputs, as placeholders: synth only stages them. */
const PLACEHOLDER_FILES = {
  api: [
    ...['lambda.mjs', 'lambda.mjs.map', 'post-confirmation.mjs', 'post-confirmation.mjs.map'],
    ...['pre-sign-up.mjs', 'pre-sign-up.mjs.map'],
    ...['server.mjs', 'server.mjs.map'],
  ],
  worker: ['handler.mjs', 'handler.mjs.map'],
  web: ['index.html', 'favicon.svg', 'assets/index-abc123.js', 'assets/index-abc123.css'],
} as const;

function placeholderDist(name: string, files: readonly string[]): string {
  const dir = join(scratch, name, 'dist');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `// placeholder ${file}\n`);
  }
  return dir;
}

let assets: AppAssets | undefined;

/**
 * Stand-ins for the apps' dist folders, so tests need no `pnpm build` and do not depend on which
 * bundles exist yet (post-confirmation.mjs is younger than this package).
 */
export function placeholderAssets(): AppAssets {
  if (!assets) {
    const apiDist = placeholderDist('api', PLACEHOLDER_FILES.api);
    assets = {
      apiDist,
      workerDist: placeholderDist('stream-worker', PLACEHOLDER_FILES.worker),
      webDist: placeholderDist('web', PLACEHOLDER_FILES.web),
      liveImageContext: prepareLiveImageContext(apiDist, join(scratch, 'live-image')),
    };
  }
  return assets;
}

export interface Synthesized {
  readonly stack: CruddurStack;
  readonly template: Template;
  /** The cloud assembly folder: staged assets and the validation report. */
  readonly outdir: string;
}

export interface SynthOptions {
  readonly stage?: Stage;
  readonly database?: DatabaseMode;
}

const synthesized = new Map<string, Synthesized>();

/**
 * The app's stack for `options`, synthesised once per worker and options (files share it). Synthesis runs the
 * cdk-nag checks: an unacknowledged finding makes this throw.
 */
export function synth(options: SynthOptions = {}): Synthesized {
  const key = `${options.stage ?? 'dev'}/${options.database ?? 'external'}`;
  let result = synthesized.get(key);
  if (!result) {
    const outdir = mkdtempSync(join(scratch, 'cdk.out-'));
    const app = new App({
      outdir,
      // As the CLI runs the app: with asset metadata, which names each staged asset folder.
      context: { ...CDK_JSON.context, 'aws:cdk:enable-asset-metadata': true, ...options },
    });
    const stack = addCruddurStack(app, placeholderAssets());
    result = { stack, template: Template.fromStack(stack), outdir };
    synthesized.set(key, result);
  }
  return result;
}

/** Every resource of `type` in the template, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): Record<string, { Properties: Record<string, unknown> } & Record<string, unknown>> {
  return template.findResources(type) as Record<
    string,
    { Properties: Record<string, unknown> } & Record<string, unknown>
  >;
}

/** The logical id of a construct's CloudFormation resource. */
export function logicalIdOf(stack: CruddurStack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The statements of every policy attached to the role, flattened. */
export function roleStatements(template: Template, roleLogicalId: string): Statement[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter(({ Properties }) =>
      (Properties.Roles as unknown[]).some(
        (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap(
      ({ Properties }) => (Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
}

/** The sorted, distinct actions of those statements. */
export function roleActions(template: Template, roleLogicalId: string): string[] {
  const actions = roleStatements(template, roleLogicalId).flatMap((s) => [s.Action].flat());
  return [...new Set(actions)].sort();
}
