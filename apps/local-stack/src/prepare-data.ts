import { bootstrapCognito, createCognitoClient } from '@cruddur/cognito';
import { loadConfig, cognitoEnv, dynamoEnv, postgresEnv } from '@cruddur/config';
import {
  DEV_PASSWORD,
  SEED_USERS,
  seedConversation,
  setupUsersDatabase,
  updateCognitoUserIds,
} from '@cruddur/admin';
import { createPool } from '@cruddur/db';
import { createDdbContext, createTable, tableExists } from '@cruddur/ddb';

export interface PreparedData {
  userPoolId: string;
  clientId: string;
}

/**
 * Everything `pnpm dev` and the end-to-end suite need before the apps start: the users schema and
 * seed rows, the Cognito pool with the seed users, their Cognito ids copied into PostgreSQL, and
 * the DynamoDB table with the seeded conversation. Each step is idempotent, so a restart with
 * data on disk changes nothing.
 */
export async function prepareData(
  env: Record<string, string>,
  progress: (message: string) => void,
): Promise<PreparedData> {
  const pgEnv = loadConfig('local-stack', postgresEnv, env);
  const pool = createPool(pgEnv.DATABASE_URL);
  try {
    progress('PostgreSQL: schema and seed users');
    await setupUsersDatabase(pool);

    progress('Cognito: user pool, app client and seed users');
    const cognitoClientEnv = loadConfig(
      'local-stack',
      cognitoEnv.omit({ COGNITO_USER_POOL_ID: true, COGNITO_CLIENT_ID: true }),
      env,
    );
    const cognito = createCognitoClient(cognitoClientEnv);
    const { userPoolId, clientId } = await bootstrapCognito({
      client: cognito,
      users: SEED_USERS,
      password: DEV_PASSWORD,
    });

    progress('PostgreSQL: update-cognito-user-ids');
    await updateCognitoUserIds({ pool, cognito, userPoolId });

    const ddb = createDdbContext(loadConfig('local-stack', dynamoEnv, env));
    if (!(await tableExists(ddb))) {
      progress(`DynamoDB: creating table ${ddb.tableName}`);
      await createTable(ddb);
      progress('DynamoDB: seeding the conversation between @mira and @tomas');
      await seedConversation(ddb, pool, {
        // One line per quarter: enough to show it moving without flooding the terminal.
        onProgress: (done: number, total: number) => {
          if (done === total || done % Math.ceil(total / 4) === 0)
            progress(`DynamoDB: seeded ${done}/${total} messages`);
        },
      });
    }
    return { userPoolId, clientId };
  } finally {
    await pool.end();
  }
}
