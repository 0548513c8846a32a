import { describe, expect, it } from 'vitest';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

describe('the Cognito user pool', () => {
  const { stack, template } = synth();
  const [pool] = Object.values(resourcesOf(template, 'AWS::Cognito::UserPool'));

  it('signs people in by email, case-insensitively, as bootstrapCognito sets up the local one', () => {
    expect(pool?.Properties).toMatchObject({
      UserPoolName: 'cruddur-messages-dev',
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      UserPoolTier: 'LITE',
    });
    // The handle and the display name are the standard attributes the app reads and writes.
    expect(pool?.Properties.Schema).toEqual(
      expect.arrayContaining([
        { Name: 'email', Required: true, Mutable: true },
        { Name: 'preferred_username', Required: false, Mutable: true },
        { Name: 'name', Required: false, Mutable: true },
      ]),
    );
  });

  it('lets people sign up, confirming their email with a code', () => {
    expect(pool?.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    const template = pool?.Properties.VerificationMessageTemplate as { EmailMessage: string };
    expect(template.EmailMessage).toContain('{####}');
  });

  it("states Cognito's default password policy, the one the sign-up form shows", () => {
    expect(pool?.Properties.Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 8,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
    });
  });

  it('checks the handle in a PreSignUp trigger and creates the users row in a PostConfirmation one', () => {
    const postConfirmation = logicalIdOf(stack, stack.identity.postConfirmation.function);
    const preSignUp = logicalIdOf(stack, stack.identity.preSignUp.function);
    expect(pool?.Properties.LambdaConfig).toEqual({
      PreSignUp: { 'Fn::GetAtt': [preSignUp, 'Arn'] },
      PostConfirmation: { 'Fn::GetAtt': [postConfirmation, 'Arn'] },
    });
    for (const trigger of [preSignUp, postConfirmation]) {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [trigger, 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalIdOf(stack, stack.identity.userPool), 'Arn'] },
      });
    }
  });

  it('has a web client without secret that signs in with a password, and no OAuth', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const [client] = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolClient'));
    expect(client?.Properties).toMatchObject({
      ClientName: 'cruddur-web',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AllowedOAuthFlowsUserPoolClient: false,
    });
    expect(client?.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client?.Properties.CallbackURLs).toBeUndefined();
  });

  it('is protected from deletion in prod only', () => {
    expect(pool?.Properties.DeletionProtection).toBe('INACTIVE');
    expect(pool?.DeletionPolicy).toBe('Delete');
    const [prod] = Object.values(
      resourcesOf(synth({ stage: 'prod' }).template, 'AWS::Cognito::UserPool'),
    );
    expect(prod?.Properties.DeletionProtection).toBe('ACTIVE');
    expect(prod?.DeletionPolicy).toBe('Retain');
  });
});
