import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type DeploymentConfig, removalPolicy } from './config';
import { type Database } from './database';
import { PASSWORD_POLICY } from '@cruddur/validators';
import { triggerEnvironment } from './environment';
import { BundledFunction, type FunctionPlacement } from './functions';
import { acknowledge } from './nag';
import { programStatements } from './permissions';

export interface IdentityProps {
  readonly config: DeploymentConfig;
  readonly apiDistDir: string;
  readonly database: Database;
  readonly placement?: FunctionPlacement;
}

/**
 * The Cognito user pool and the web app's client, set up as `bootstrapCognito` of @cruddur/cognito
 * sets up the local one (email is the username, case-insensitive and auto-verified; the handle is
 * `preferred_username`, the display name `name`; a client without secret that signs in with
 * USER_PASSWORD_AUTH), plus what running in public needs: self sign-up confirmed by an emailed
 * code, and the PostConfirmation trigger that creates the person's users row.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly postConfirmation: BundledFunction;
  readonly preSignUp: BundledFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { config, database } = props;

    // Cognito waits 5 s for a trigger (then retries it): running longer would only go on after
    // Cognito has given up on this call.
    const trigger = (
      id: string,
      program: 'postConfirmation' | 'preSignUp',
      description: string,
    ) => {
      const fn = new BundledFunction(this, id, {
        config,
        description,
        distDir: props.apiDistDir,
        bundle: `${id.replace(/(?<=.)([A-Z])/g, '-$1').toLowerCase()}.mjs`,
        memorySize: 256,
        timeout: Duration.seconds(5),
        environment: triggerEnvironment({ database }),
        statements: programStatements(program, {
          databaseSecretArn: database.urlSecret.secretArn,
        }),
        placement: props.placement,
      });
      database.allowConnectionsFrom(fn.function);
      return fn;
    };
    this.postConfirmation = trigger(
      'PostConfirmation',
      'postConfirmation',
      'Cruddur Messages Cognito PostConfirmation trigger (creates the users row)',
    );
    // Before the account exists: a taken or invalid handle must never leave a half-made account.
    this.preSignUp = trigger(
      'PreSignUp',
      'preSignUp',
      'Cruddur Messages Cognito PreSignUp trigger (checks and holds the handle)',
    );

    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `cruddur-messages-${config.stage}`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        preferredUsername: { required: false, mutable: true },
        fullname: { required: false, mutable: true },
      },
      selfSignUpEnabled: true,
      userVerification: {
        emailStyle: cognito.VerificationEmailStyle.CODE,
        emailSubject: 'Your Cruddur Messages verification code',
        emailBody: 'Your Cruddur Messages verification code is {####}',
      },
      // Cognito's default policy, written out once in @cruddur/validators, where the sign-up form
      // and the development pool read it too.
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(7) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OFF,
      // Lite covers password sign-in, sign-up and Lambda triggers: what the app uses, at the lowest price.
      featurePlan: cognito.FeaturePlan.LITE,
      lambdaTriggers: {
        preSignUp: this.preSignUp.function,
        postConfirmation: this.postConfirmation.function,
      },
      deletionProtection: config.protectData,
      removalPolicy: removalPolicy(config),
    });

    acknowledge(this.userPool, {
      COG2:
        'The web app signs in with USER_PASSWORD_AUTH and answers no MFA challenge yet: requiring ' +
        'MFA would lock every user out. Revisit with an MFA step in the sign-in screen.',
      COG8:
        'The Plus plan (threat protection) costs $0.02 per monthly active user; Lite is free up ' +
        'to 10,000 of them, then $0.0055. The app needs none of the Plus features yet.',
    });

    this.client = this.userPool.addClient('Web', {
      userPoolClientName: 'cruddur-web',
      // A browser cannot keep a secret.
      generateSecret: false,
      // ALLOW_USER_PASSWORD_AUTH, and ALLOW_REFRESH_TOKEN_AUTH (always added with it).
      authFlows: { userPassword: true },
      preventUserExistenceErrors: true,
      // The web app signs in through the Cognito API itself, with no hosted UI or OAuth redirects.
      disableOAuth: true,
      enableTokenRevocation: true,
    });
  }
}
