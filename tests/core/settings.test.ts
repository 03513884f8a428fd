import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import {
  SettingsError,
  SettingsService,
  settingAt,
  withEnvironmentOverrides,
} from '../../src/core/settings/settings-service';
import { defaultSettings } from '../../src/core/settings/schema';
import { tempDir } from '../support/temp-dir';

describe('settings', () => {
  it('reads defaults from a missing file and persists updates to config.json', () => {
    const dir = tempDir();
    const settings = new SettingsService(openConfBackend(dir));
    expect(settings.read()).toEqual(defaultSettings());
    settings.update({ sender: { name: 'Dana Analyst', email: 'dana@example.com' }, defaultPhoneRegion: 'DE' });

    const reopened = new SettingsService(openConfBackend(dir)).read();
    expect(reopened.sender).toMatchObject({ name: 'Dana Analyst', email: 'dana@example.com', company: '' });
    expect(reopened.defaultPhoneRegion).toBe('DE');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).sender.name).toBe('Dana Analyst');
  });

  it('rejects an invalid update with the field at fault and leaves the file as it was', () => {
    const dir = tempDir();
    const settings = new SettingsService(openConfBackend(dir));
    settings.update({ sender: { name: 'Kept' } });
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    let caught: unknown;
    try {
      settings.update({ rateLimits: { tavily: { requestsPerMinute: -5, burst: 1 } } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SettingsError);
    expect((caught as SettingsError).issues[0]!.field).toBe('rateLimits.tavily.requestsPerMinute');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('sets one setting by its dotted name, refuses unknown names and invalid values, and keeps the file as it was', () => {
    const dir = tempDir();
    const settings = new SettingsService(openConfBackend(dir));
    settings.setField('rateLimits.tavily.requestsPerMinute', 60);
    settings.setField('sender.name', 'Dana Analyst');
    const reopened = new SettingsService(openConfBackend(dir)).read();
    expect(reopened.rateLimits.tavily).toEqual({ requestsPerMinute: 60, burst: 10 });
    expect(reopened.rateLimits.openai).toEqual(defaultSettings().rateLimits.openai);
    expect(reopened.sender.name).toBe('Dana Analyst');
    expect(settingAt(reopened, 'sender.name')).toBe('Dana Analyst');

    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    expect(() => settings.setField('sender.nmae', 'x')).toThrow(
      '"sender.nmae" is not a setting; at that level there are sender.name, sender.company, sender.email, sender.valueProposition, sender.signature.',
    );
    expect(() => settings.setField('rateLimits.tavily.requestsPerMinute.x', 1)).toThrow(
      '"rateLimits.tavily.requestsPerMinute.x" is not a setting.',
    );
    expect(() => settings.setField('defaultPhoneRegion', 'de')).toThrow(
      `Not saved: defaultPhoneRegion: must be a two-letter ISO country code such as US or DE. The settings file ${path.join(dir, 'config.json')} is unchanged.`,
    );
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('reports an invalid file by field and never resets it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ defaultPhoneRegion: 'Germany', providers: { tavily: { baseUrl: 'not a url' } } }),
    );
    const settings = new SettingsService(openConfBackend(dir));
    expect(() => settings.read()).toThrow(/defaultPhoneRegion.*two-letter/);
    expect(() => settings.read()).toThrow(/providers\.tavily\.baseUrl/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).defaultPhoneRegion).toBe('Germany');
  });

  it('reports a file that is not JSON and keeps it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, '{ "sender": ');
    expect(() => new SettingsService(openConfBackend(dir)).read()).toThrow(SettingsError);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "sender": ');
  });

  it('lets *_BASE_URL environment variables override provider base URLs', () => {
    const effective = withEnvironmentOverrides(defaultSettings(), {
      TAVILY_BASE_URL: 'http://127.0.0.1:9/',
      OPENAI_BASE_URL: 'http://127.0.0.1:8/v1',
    });
    expect(effective.providers.tavily.baseUrl).toBe('http://127.0.0.1:9/');
    expect(effective.providers.openai.baseUrl).toBe('http://127.0.0.1:8/v1');
    expect(effective.providers.anthropic.baseUrl).toBe(defaultSettings().providers.anthropic.baseUrl);
  });
});
