import type { RegisterCommand } from '../shared/register';
import { oneOf, parseId } from '../shared/arguments';
import { watchService } from '../shared/watch-services';
import { ALERT_KINDS, type AlertKind } from '../../core/watch/alert-diff';
import type { Alert } from '../../core/watch/watch-store';
import { UserFacingError } from '../../core/errors';

function describeAlert(alert: Alert): string {
  const sources = alert.evidence.map(
    (e) =>
      `    ${e.publishedDate ? `${e.publishedDate} ` : ''}${e.title} <${e.url}>${e.text ? `\n      "${e.text}"` : ''}`,
  );
  return [
    `${alert.readAt ? ' ' : '*'} #${alert.id} ${alert.createdAt.slice(0, 16)} ${alert.companyName} [${alert.kind}] ${alert.summary}`,
    ...sources,
  ].join('\n');
}

/** `crm-intel alerts list|read`: what watch refreshes found, with the sources behind each. */
export const registerAlerts: RegisterCommand = (program, context) => {
  const alerts = program
    .command('alerts')
    .description('what refreshes of watched companies found (new rounds, executives, news, moves)');
  alerts
    .command('list')
    .description('alerts, newest first (* = unread)')
    .option('--unread', 'only unread alerts')
    .option('--company <name>', 'only this company (name or domain)')
    .option('--kind <kind>', `only this kind: ${ALERT_KINDS.join(', ')}`, oneOf(ALERT_KINDS, 'alert kind'))
    .action(async (options: { unread?: boolean; company?: string; kind?: AlertKind }) => {
      const services = await context.services();
      const company = options.company ? services.companies.find(options.company) : undefined;
      if (company === null)
        throw new UserFacingError('not_found', `No company "${options.company}" has been looked up.`);
      const found = (await watchService(context)).alerts({
        unread: options.unread,
        companyId: company?.id,
        kind: options.kind,
      });
      context.print(found, () => (found.length ? found.map(describeAlert).join('\n') : 'No alerts.'));
    });
  alerts
    .command('read [ids...]')
    .description('mark alerts read by id, or all of them with --all')
    .option('--all', 'every unread alert')
    .action(async (ids: string[], options: { all?: boolean }) => {
      if (!options.all && ids.length === 0)
        throw new UserFacingError(
          'missing_ids',
          'Name the alerts to mark read (ids from crm-intel alerts list), or --all.',
        );
      const marked = (await watchService(context)).markRead(options.all ? 'all' : ids.map((id) => parseId(id)));
      context.print({ marked }, () => `Marked ${marked} alerts read.`);
    });
};
