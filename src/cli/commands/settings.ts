import { settingAt } from '../../core/settings/settings-service';
import type { RegisterCommand } from '../shared/register';

/** A value as typed: text for a text setting, else JSON when it reads as JSON (numbers, true/false, lists). */
function parseValue(text: string, current: unknown): unknown {
  if (typeof current === 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/** `crm-intel settings show|set`: the same settings file as the desktop app, validated before it is written. */
export const registerSettings: RegisterCommand = (program, context) => {
  const settings = program
    .command('settings')
    .description('show or change settings (the desktop app’s settings file; API keys are under `keys`)');
  settings
    .command('show')
    .description('print the settings, or one setting by its dotted name (e.g. sender.name)')
    .argument('[name]', 'a dotted setting name')
    .action(async (name?: string) => {
      const current = (await context.services()).settings.read();
      const value = name ? settingAt(current, name) : current;
      context.print(value, () => asText(value));
    });
  settings
    .command('set')
    .description('change one setting; values are JSON (10, true, ["a"]) or plain text')
    .argument('<name>', 'a dotted setting name, e.g. researchFolder or rateLimits.tavily.requestsPerMinute')
    .argument('<value>', 'the new value')
    .action(async (name: string, value: string) => {
      const service = (await context.services()).settings;
      const saved = settingAt(service.setField(name, parseValue(value, settingAt(service.read(), name))), name);
      context.print({ [name]: saved }, () => `${name} = ${JSON.stringify(saved)} (saved to ${service.file})`);
    });
};
