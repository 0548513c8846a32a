import { describe, expect, it } from 'vitest';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

describe('the VPC', () => {
  const { stack, template } = synth();

  it('spans two AZs with public and isolated subnets, and no NAT gateway', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const subnets = Object.values(resourcesOf(template, 'AWS::EC2::Subnet'));
    expect(subnets).toHaveLength(4);
    expect(
      new Set(subnets.map(({ Properties }) => JSON.stringify(Properties.AvailabilityZone))).size,
    ).toBe(2);
    // AZs named by CloudFormation: no lookup at synth, with or without credentials.
    expect(subnets[0]?.Properties.AvailabilityZone).toEqual({
      'Fn::Select': [0, { 'Fn::GetAZs': '' }],
    });
    expect(stack.network.vpc.publicSubnets).toHaveLength(2);
    expect(stack.network.vpc.isolatedSubnets).toHaveLength(2);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
  });

  it('reaches DynamoDB through a free gateway endpoint from every subnet', () => {
    const routeTables = Object.keys(resourcesOf(template, 'AWS::EC2::RouteTable'));
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] },
    });
    const [endpoint] = Object.values(resourcesOf(template, 'AWS::EC2::VPCEndpoint'));
    expect(
      (endpoint?.Properties.RouteTableIds as { Ref: string }[]).map(({ Ref }) => Ref).sort(),
    ).toEqual(routeTables.sort());
  });

  it('logs rejected connections', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceId: { Ref: logicalIdOf(stack, stack.network.vpc) },
      TrafficType: 'REJECT',
      LogDestinationType: 'cloud-watch-logs',
    });
  });
});
