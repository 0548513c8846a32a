import { resolve } from 'node:path';
import { type MigrationReport } from '../../../migrate/migrate-table';
import { defineCommand } from '../../framework/command';
import { wholeNumber } from '../../shared/arguments';
import { tableConfig } from '../../shared/config';
import { plural } from '../../shared/render';

interface MigrateOptions {
  dryRun?: boolean;
  rate?: number;
  state?: string;
}

export const migrateCommand = defineCommand<MigrateOptions, MigrationReport>({
  name: 'migrate',
  description:
    "bring a table the original Cruddur wrote up to this project's model: canonical sort keys, recorded memberships, one pair guard per pair; safe to run twice, resumable",
  options: [
    { flags: '--dry-run', description: 'report what would change, write nothing' },
    {
      flags: '--rate <items/s>',
      description: 'read at most this many items a second (on AWS, the scan uses table capacity)',
      parse: wholeNumber(1),
    },
    {
      flags: '--state <file>',
      description:
        'where progress is kept to resume after an interruption (default .migrate-<table>.json)',
    },
  ],
  run: async ({ options, io }) => {
    const [{ migrateTable }, { requireTable, withDdb }] = await Promise.all([
      import('../../../migrate/migrate-table'),
      import('../../shared/environment'),
    ]);
    // Ctrl-C ends the page in hand and saves where it was, rather than dropping it mid-write.
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    return withDdb(io.config(tableConfig), async (ddb) => {
      await requireTable(ddb);
      return migrateTable(ddb, {
        dryRun: options.dryRun,
        itemsPerSecond: options.rate,
        statePath: resolve(options.state ?? `.migrate-${ddb.tableName}.json`),
        onProgress: (line) => io.progress(line),
        signal: stop.signal,
      });
    });
  },
  render: (r) => {
    const would = r.dryRun ? 'would be ' : '';
    const lines = [
      `${r.dryRun ? 'Dry run on' : 'Migrated'} table ${r.table}${r.resumed ? ' (resumed)' : ''}: ${plural(r.scanned, 'item')} read`,
      `  sort keys ${would}made canonical: ${plural(r.rewritten.messages, 'message')}, ${plural(r.rewritten.rows, 'group row')}`,
      `  memberships ${would}recorded: ${r.groups.membershipRecorded} of ${plural(r.groups.total, 'group')}`,
      `  pair guards ${would}written: ${r.pairs.guardsWritten} of ${plural(r.pairs.total, 'pair')}`,
    ];
    for (const p of r.pairs.severalGroups)
      lines.push(
        `  several groups for one pair (${p.members.join(' & ')}): new messages go to ${p.canonical} (the latest); still readable: ${p.others.join(', ')}`,
      );
    for (const g of r.rowsRestored)
      lines.push(`  row ${would}restored: member ${g.member} of group ${g.group}`);
    const a = r.anomalies;
    for (const g of a.notTwoPeople)
      lines.push(
        `  left alone: group ${g.group} has rows for ${g.people.length} people (${g.people.join(', ')})`,
      );
    for (const g of a.extraRows)
      lines.push(
        `  left alone: member ${g.member} has ${g.keys.length} rows of group ${g.group} (the newest is used)`,
      );
    for (const g of a.missingRows)
      lines.push(
        `  could not restore: member ${g.member} of group ${g.group} (no message to rebuild the row from)`,
      );
    for (const u of a.unreadable) lines.push(`  left alone, unreadable: ${u.key}: ${u.problem}`);
    const problems =
      a.notTwoPeople.length + a.extraRows.length + a.missingRows.length + a.unreadable.length;
    lines.push(
      problems === 0
        ? 'No anomalies.'
        : `${plural(problems, 'anomaly', 'anomalies')} reported above.`,
    );
    return lines.join('\n');
  },
});
