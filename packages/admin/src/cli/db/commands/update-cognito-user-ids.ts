import type { CognitoIdReport } from '../../../cognito-sync/update-cognito-user-ids';
import { defineCommand } from '../../framework/command';
import { cognitoAdminConfig } from '../../shared/config';
import { withPool } from '../../shared/with-pool';

type Report = CognitoIdReport & { userPoolId: string };

function section<T>(title: string, items: T[], line: (item: T) => string): string {
  return [
    `${title} (${items.length}):`,
    ...(items.length > 0 ? items.map((i) => `  ${line(i)}`) : ['  none']),
  ].join('\n');
}

export function describeReport(report: Report): string {
  const sections = [
    `Cognito pool ${report.userPoolId}`,
    section('Updated', report.updated, (u) => `@${u.handle}: ${u.from ?? '(none)'} → ${u.to}`),
    section('Unchanged', report.unchanged, (h) => `@${h}`),
    section(
      'Cognito users without a row',
      report.cognitoUsersWithoutRow,
      (u) => `${u.email ?? u.username} (preferred_username: ${u.preferredUsername ?? 'not set'})`,
    ),
    section(
      'Rows without a Cognito user',
      report.rowsWithoutCognitoUser,
      (h) => `@${h} (cognito_user_id left as it was)`,
    ),
  ];
  if (report.ambiguousHandles.length > 0) {
    sections.push(
      section(
        'Handles claimed by several Cognito users (left alone)',
        report.ambiguousHandles,
        (a) => `@${a.handle}: ${a.subs.join(', ')}`,
      ),
    );
  }
  const unmatched =
    report.cognitoUsersWithoutRow.length +
    report.rowsWithoutCognitoUser.length +
    report.ambiguousHandles.length;
  sections.push(
    unmatched > 0
      ? `Done, but ${unmatched} could not be matched (see above).`
      : 'Done: every row and every Cognito user matched.',
  );
  return sections.join('\n');
}

export const updateCognitoUserIdsCommand = defineCommand<object, Report>({
  name: 'update-cognito-user-ids',
  description:
    "set each user's cognito_user_id to the sub of the Cognito user whose preferred_username is their handle (one transaction)",
  run: async ({ io }) => {
    const config = io.config(cognitoAdminConfig);
    // Loaded here rather than at the top: the AWS SDK adds half a second to every other command's start.
    const [{ createCognitoClient }, { updateCognitoUserIds }] = await Promise.all([
      import('@cruddur/cognito'),
      import('../../../cognito-sync/update-cognito-user-ids'),
    ]);
    const cognito = createCognitoClient(config);
    try {
      const userPoolId = config.COGNITO_USER_POOL_ID;
      const report = await withPool(config.DATABASE_URL, (pool) =>
        updateCognitoUserIds({
          pool,
          cognito,
          userPoolId,
          onProgress: (message) => io.progress(`${message}…`),
        }),
      );
      return { userPoolId, ...report };
    } finally {
      cognito.destroy();
    }
  },
  render: describeReport,
});
