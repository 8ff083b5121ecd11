import { describe, expect, test } from 'vitest';

import { editorSettingsFrom } from '@/config/editor';
import { foreignRequest } from '@/integrations/editor';

describe('CMS settings', () => {
  test('off unless asked for', () => {
    expect(editorSettingsFrom({})).toEqual({ mode: 'off' });
    expect(editorSettingsFrom({ CMS: 'off' })).toEqual({ mode: 'off' });
  });

  test('github needs the repository; the branch defaults to main', () => {
    expect(editorSettingsFrom({ CMS: 'github', CMS_REPOSITORY: 'me/site' })).toEqual({
      mode: 'github',
      repository: 'me/site',
      branch: 'main',
    });
    expect(() => editorSettingsFrom({ CMS: 'github' })).toThrow('CMS_REPOSITORY must be the site');
  });

  test('each unusable value is named', () => {
    expect(() => editorSettingsFrom({ CMS: 'keystatic' })).toThrow('CMS="keystatic" is not a setting');
    expect(() =>
      editorSettingsFrom({ CMS: 'github', CMS_REPOSITORY: 'me/site', CMS_AUTH_URL: 'http://auth.example.org/x' }),
    ).toThrow('CMS_AUTH_URL must be an https:// origin');
  });
});

describe('the local backend answers the editor’s own pages only', () => {
  const request = (headers: Record<string, string>, method = 'POST', remoteAddress = '127.0.0.1') => ({
    method,
    headers,
    socket: { remoteAddress },
  });

  test('a save from the editor’s page on this machine', () => {
    expect(
      foreignRequest(
        request({ host: '127.0.0.1:4321', 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:4321' }),
      ),
    ).toBeUndefined();
  });

  test('not a post from another site open in the same browser', () => {
    expect(
      foreignRequest(
        request({ host: 'localhost:4321', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }),
      ),
    ).toMatch(/own pages/);
    expect(foreignRequest(request({ host: 'localhost:4321', origin: 'https://evil.example' }))).toMatch(/own pages/);
    expect(foreignRequest(request({ host: 'localhost:4321' }))).toMatch(/own pages/);
  });

  test('not a request from another machine, whatever its headers say (npm run dev -- --host)', () => {
    const forged = { host: 'localhost:4321', 'sec-fetch-site': 'same-origin', origin: 'http://localhost:4321' };
    expect(foreignRequest(request(forged, 'POST', '192.168.1.20'))).toMatch(/this machine only/);
    expect(foreignRequest(request(forged, 'GET', '192.168.1.20'))).toMatch(/this machine only/);
    expect(foreignRequest(request(forged, 'POST', '::ffff:127.0.0.1'))).toBeUndefined();
  });

  test('not a post whose origin is "null"', () => {
    expect(foreignRequest(request({ host: 'localhost:4321', origin: 'null' }))).toMatch(/own pages/);
  });

  test('not a request for another host name pointed at this machine (DNS rebinding)', () => {
    expect(foreignRequest(request({ host: 'evil.example:4321', 'sec-fetch-site': 'same-origin' }, 'GET'))).toMatch(
      /localhost only/,
    );
  });
});
