import { globSync } from 'node:fs';
import { relative } from 'node:path';

import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtSites } from '../helpers/fixture-sites';
import { describe, expect, test } from 'vitest';

const [SITE_DIST, FIXTURE_DIST] = await builtSites('site', 'fixture');

// Rules are in .htmlvalidate.json; every relaxed rule there says why.
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each([
  ['the site', SITE_DIST],
  ['the fixture site', FIXTURE_DIST],
])('html-validate on %s', (_, dist) => {
  const pages = globSync('**/*.html', { cwd: dist });

  test('finds pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  test.each(pages)('%s has no errors', async (page) => {
    const report = await validator.validateFile(`${dist}/${page}`);
    const messages = report.results.flatMap((result) =>
      result.messages.map(
        (message) =>
          `${relative(dist, result.filePath)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
      ),
    );
    expect(messages).toEqual([]);
  });
});

test('html-validate reports invalid markup, so a clean result means something', async () => {
  const report = await validator.validateString(
    '<!doctype html><html lang="en"><title>x</title><div id="a"></div><div id="a"></div><img src="x.png"></html>',
    'inline.html',
  );
  expect(report.valid).toBe(false);
});
