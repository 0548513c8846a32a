import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesOf, synth } from './testing/synth';

/** The app's own functions (not CDK's deployment helpers), by handler. */
const APP_FUNCTIONS = {
  'lambda.handler': { bundle: 'lambda.mjs', memory: 512, timeout: 15 },
  'handler.handler': { bundle: 'handler.mjs', memory: 256, timeout: 30 },
  'post-confirmation.handler': { bundle: 'post-confirmation.mjs', memory: 256, timeout: 5 },
  'pre-sign-up.handler': { bundle: 'pre-sign-up.mjs', memory: 256, timeout: 5 },
} as const;

describe("the app's Lambda functions", () => {
  const { template, outdir } = synth();
  const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter(
    ({ Properties }) => (Properties.Handler as string) in APP_FUNCTIONS,
  );

  it('are the API, the stream worker and the two Cognito triggers', () => {
    expect(functions.map(({ Properties }) => Properties.Handler).sort()).toEqual(
      Object.keys(APP_FUNCTIONS).sort(),
    );
  });

  it.each(Object.entries(APP_FUNCTIONS))(
    '%s runs on Node 22 arm64 with its memory and timeout',
    (handler, { memory, timeout }) => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: memory,
        Timeout: timeout,
      });
    },
  );

  it('each ship their own bundle and its source map, nothing else of the dist folder', () => {
    for (const { Properties, Metadata } of functions) {
      const { bundle } = APP_FUNCTIONS[Properties.Handler as keyof typeof APP_FUNCTIONS];
      const staged = readdirSync(
        join(outdir, (Metadata as Record<string, string>)['aws:asset:path']!),
      );
      expect(staged.sort()).toEqual([bundle, `${bundle}.map`]);
    }
  });

  it('each write to a log group of their own, kept a week in dev', () => {
    for (const { Properties } of functions) {
      const { Ref: logGroup } = (Properties.LoggingConfig as { LogGroup: { Ref: string } })
        .LogGroup;
      expect(resourcesOf(template, 'AWS::Logs::LogGroup')[logGroup]?.Properties).toMatchObject({
        RetentionInDays: 7,
      });
    }
  });
});

describe('the live API task', () => {
  it('runs on arm64 Linux, with the smallest Fargate size', () => {
    synth().template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      Cpu: '256',
      Memory: '512',
    });
  });
});
