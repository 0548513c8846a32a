import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { synth } from './testing/synth';

interface Report {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

describe.each([
  { stage: 'dev', database: 'external' },
  { stage: 'prod', database: 'external' },
  { stage: 'dev', database: 'rds' },
  { stage: 'prod', database: 'rds' },
] as const)('cdk-nag AWS Solutions checks ($stage, $database)', (options) => {
  // Synthesis itself fails on any unacknowledged error; this looks at what it reported.
  const { stack, outdir } = synth(options);

  it('report no finding at all, warnings included', () => {
    const file = join(outdir, 'validation-report.json');
    const report: Report = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Report)
      : { pluginReports: [] };
    const findings = report.pluginReports
      .filter(({ pluginName }) => pluginName !== 'Construct Annotations')
      .flatMap(({ violations }) =>
        violations.map(({ ruleName, severity }) => `${severity} ${ruleName}`),
      );
    expect(findings).toEqual([]);
  });

  it('acknowledge every accepted finding with a reason of its own', () => {
    const acknowledged = stack.node
      .findAll()
      .flatMap((node) => node.node.metadata)
      .filter(({ type }) => type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap(({ data }) => Object.entries(data as Record<string, string>))
      // CDK acknowledges rules of its own CloudFormation checks on some constructs; CDK records
      // cdk-nag ids (as its README writes them) under the annotation namespace.
      .filter(([rule]) => rule.startsWith('Annotation::AwsSolutions-'));
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const [rule, reason] of acknowledged) {
      expect(rule).toMatch(/^Annotation::AwsSolutions-[A-Z]+\d+/);
      // A reason that says why, not "not needed".
      expect(reason.length, `${rule}: ${reason}`).toBeGreaterThanOrEqual(60);
    }
    // One reason per rule: the same text is never reused to wave through a different rule.
    const rulesByReason = new Map<string, Set<string>>();
    for (const [rule, reason] of acknowledged) {
      const base = rule.replace(/\[.*$/, '');
      rulesByReason.set(reason, (rulesByReason.get(reason) ?? new Set()).add(base));
    }
    for (const [reason, rules] of rulesByReason) expect([...rules], reason).toHaveLength(1);
  });
});
