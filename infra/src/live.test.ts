import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { LIVE_DOCKERFILE } from './assets';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

describe('the live API', () => {
  const { stack, template, outdir } = synth();
  const loadBalancerSg = logicalIdOf(stack, stack.live.loadBalancer.connections.securityGroups[0]!);
  const serviceSg = logicalIdOf(stack, stack.live.service.connections.securityGroups[0]!);

  it('sits behind an internal load balancer whose idle timeout outlasts the 15 s pings', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'idle_timeout.timeout_seconds', Value: '120' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ]),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
    });
  });

  it('checks /healthz, spreads streams by open requests, and drains in 30 s', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 4000,
      Protocol: 'HTTP',
      TargetType: 'ip',
      HealthCheckPath: '/healthz',
      Matcher: { HttpCode: '200' },
      HealthCheckIntervalSeconds: 15,
      TargetGroupAttributes: Match.arrayWith([
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ]),
    });
  });

  it('admits the VPC (CloudFront VPC origin) on 80, and tasks admit only the load balancer', () => {
    const groups = resourcesOf(template, 'AWS::EC2::SecurityGroup');
    expect(groups[loadBalancerSg]?.Properties.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: '10.0.0.0/16', FromPort: 80, ToPort: 80 }),
    ]);
    expect(groups[serviceSg]?.Properties.SecurityGroupIngress).toBeUndefined();
    const ingress = Object.values(resourcesOf(template, 'AWS::EC2::SecurityGroupIngress')).filter(
      ({ Properties }) =>
        JSON.stringify(Properties.GroupId) ===
        JSON.stringify({ 'Fn::GetAtt': [serviceSg, 'GroupId'] }),
    );
    expect(ingress.map(({ Properties }) => Properties)).toEqual([
      expect.objectContaining({
        FromPort: 4000,
        ToPort: 4000,
        SourceSecurityGroupId: { 'Fn::GetAtt': [loadBalancerSg, 'GroupId'] },
      }),
    ]);
  });

  it('runs its tasks in the public subnets with a public IP (no NAT gateway)', () => {
    const [service] = Object.values(resourcesOf(template, 'AWS::ECS::Service'));
    const network = (
      service?.Properties.NetworkConfiguration as {
        AwsvpcConfiguration: { AssignPublicIp: string; Subnets: { Ref: string }[] };
      }
    ).AwsvpcConfiguration;
    expect(network.AssignPublicIp).toBe('ENABLED');
    expect(network.Subnets).toEqual(
      stack.network.vpc.publicSubnets.map((subnet) => ({ Ref: logicalIdOf(stack, subnet) })),
    );
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(service?.Properties).toMatchObject({
      LaunchType: 'FARGATE',
      DesiredCount: 1,
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
    });
  });

  it('runs two tasks in prod', () => {
    synth({ stage: 'prod' }).template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 2,
    });
  });

  it('serves port 4000 from a read-only container', () => {
    const [task] = Object.values(resourcesOf(template, 'AWS::ECS::TaskDefinition'));
    expect(task?.Properties.ContainerDefinitions).toEqual([
      expect.objectContaining({
        PortMappings: [expect.objectContaining({ ContainerPort: 4000 })],
        ReadonlyRootFilesystem: true,
      }),
    ]);
  });

  it('builds its arm64 image from the Dockerfile and the server bundle, nothing else', () => {
    const manifest = JSON.parse(
      readFileSync(join(outdir, `${stack.stackName}.assets.json`), 'utf8'),
    ) as { dockerImages: Record<string, { source: { directory: string; platform: string } }> };
    const images = Object.values(manifest.dockerImages);
    expect(images.map(({ source }) => source.platform)).toEqual(['linux/arm64']);
    const context = join(outdir, images[0]!.source.directory);
    expect(readdirSync(context).sort()).toEqual(['Dockerfile', 'dist']);
    expect(readdirSync(join(context, 'dist')).sort()).toEqual(['server.mjs', 'server.mjs.map']);
    expect(readFileSync(join(context, 'Dockerfile'), 'utf8')).toBe(
      readFileSync(LIVE_DOCKERFILE, 'utf8'),
    );
  });
});
