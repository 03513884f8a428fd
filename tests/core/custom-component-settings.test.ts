import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema } from '../../src/core/settings/schema';
import { SettingsService } from '../../src/core/settings/settings-service';

const pricing = {
  name: 'pricing',
  queries: ['{company} pricing'],
  fields: [{ name: 'plan', pattern: '(\\w+) plan' }],
};

/** The settings service over an in-memory file: the one path both the app and `crm-intel settings set` write through. */
function service() {
  return new SettingsService({ path: '/tmp/config.json', store: defaultSettings() as never });
}

function refusal(customComponents: unknown[], components: Record<string, unknown> = {}): string {
  const settings = service();
  const before = JSON.stringify(settings.read());
  let message = '';
  try {
    settings.update({ intel: { customComponents }, components } as never);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(JSON.stringify(settings.read())).toBe(before);
  return message;
}

describe('custom component settings', () => {
  it('stores a component with its defaults filled in', () => {
    const saved = service().update({ intel: { customComponents: [pricing] } } as never);
    expect(saved.intel.customComponents).toEqual([
      { ...pricing, fields: [{ ...pricing.fields[0], description: '', keywords: [] }], dependsOn: ['identity'] },
    ]);
  });

  it('refuses a pattern that does not compile, or has no group to read the value from, naming the field', () => {
    expect(refusal([{ ...pricing, fields: [{ name: 'plan', pattern: '(\\w+ plan' }] }])).toMatch(
      /intel\.customComponents\.0\.fields\.0\.pattern.*is not a regular expression \(Unterminated group\)/,
    );
    expect(refusal([{ ...pricing, fields: [{ name: 'plan', pattern: '\\w+ plan' }] }])).toMatch(
      /intel\.customComponents\.0\.fields\.0\.pattern.*needs a group in \( \) around the value/,
    );
  });

  it("refuses a name used twice or a built-in step's name, at the later component's name", () => {
    expect(refusal([pricing, { ...pricing, queries: ['{company} plans'] }])).toMatch(
      /intel\.customComponents\.1\.name.*"pricing" is already the name of another custom component/,
    );
    expect(refusal([{ ...pricing, name: 'news' }])).toMatch(
      /intel\.customComponents\.0\.name.*"news" is a built-in component's name/,
    );
  });

  it('refuses a component running after a step no lookup has, or after itself, naming the entry', () => {
    expect(refusal([{ ...pricing, dependsOn: ['identity', 'hiring'] }])).toMatch(
      /intel\.customComponents\.0\.dependsOn\.1.*"hiring" is not a component: one of identity, overview/,
    );
    expect(refusal([{ ...pricing, dependsOn: ['pricing'] }])).toMatch(
      /intel\.customComponents\.0\.dependsOn\.0.*a component cannot run after itself/,
    );
    const hiring = { ...pricing, name: 'hiring', dependsOn: ['pricing'] };
    expect(
      service().update({ intel: { customComponents: [pricing, hiring] } } as never).intel.customComponents[1],
    ).toMatchObject({
      dependsOn: ['pricing'],
    });
  });

  it('refuses components that run after each other in a cycle, naming the cycle at the entry that closes it', () => {
    const after = (name: string, dependsOn: string[]) => ({ ...pricing, name, dependsOn });
    expect(refusal([after('a', ['identity', 'b']), after('b', ['a'])])).toMatch(
      /intel\.customComponents\.0\.dependsOn\.1: custom components form a cycle: a -> b -> a/,
    );
    // A longer cycle, entered from a component outside it: named where it starts, not at the way in.
    expect(
      refusal([after('way-in', ['b']), after('b', ['c']), after('c', ['overview', 'd']), after('d', ['b'])]),
    ).toMatch(/intel\.customComponents\.1\.dependsOn\.0: custom components form a cycle: b -> c -> d -> b/);
    // Running after itself keeps its own message, without a cycle of one.
    expect(refusal([after('a', ['a'])])).not.toContain('cycle');
    // A chain and a diamond are not cycles.
    const diamond = [after('a', ['identity']), after('b', ['a']), after('c', ['a']), after('d', ['b', 'c'])];
    expect(service().update({ intel: { customComponents: diamond } } as never).intel.customComponents).toHaveLength(4);
  });

  it("takes a component's options in a settings:update patch, checked field by field, and drops them with it", () => {
    const options = { enabled: false, searchDepth: 'advanced', maxResults: 4, cacheTtlHours: 12 };
    const patch = { intel: { customComponents: [pricing] }, components: { pricing: options } };
    expect(settingsPatchSchema.parse(patch)).toMatchObject({ components: { pricing: options } });
    const refused = settingsPatchSchema.safeParse({ components: { pricing: { ...options, maxResults: 0 } } });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['components.pricing.maxResults']);

    const settings = service();
    expect(settings.update(patch as never).components.pricing).toEqual(options);
    expect(refusal([{ ...pricing, name: 'pricing' }], { pricing: { ...options, cacheTtlHours: -1 } })).toMatch(
      /components\.pricing\.cacheTtlHours: /,
    );
    expect(settings.update({ intel: { customComponents: [] } } as never).components).not.toHaveProperty('pricing');
  });
});
