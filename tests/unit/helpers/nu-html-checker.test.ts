import { describe, expect, test } from 'vitest';

import { nuHtmlErrors, type NuMessage } from '../../helpers/nu-html-checker';

describe('nuHtmlErrors', () => {
  const page = 'file:/site/dist/search/index.html';

  test('gives each HTML error with its file, line, column and message', () => {
    const messages: NuMessage[] = [
      { type: 'error', url: page, lastLine: 4, firstColumn: 17, message: 'Stray start tag “script”.' },
    ];
    expect(nuHtmlErrors(messages, '/site/dist')).toEqual(['search/index.html:4:17 Stray start tag “script”.']);
  });

  test('leaves out CSS messages about the stylesheet, and warnings', () => {
    const messages: NuMessage[] = [
      { type: 'error', url: page, lastLine: 2, message: 'CSS: Unrecognized at-rule “@property”.' },
      { type: 'error', url: page, lastLine: 2, message: "CSS: “margin-trim”: Property “margin-trim” doesn't exist." },
      { type: 'info', subType: 'warning', url: page, lastLine: 1, message: 'Consider adding a “lang” attribute.' },
    ];
    expect(nuHtmlErrors(messages, '/site/dist')).toEqual([]);
  });

  test('keeps an HTML error whose text mentions CSS, and a file the checker could not read', () => {
    const messages: NuMessage[] = [
      { type: 'error', url: page, lastLine: 9, firstColumn: 1, message: 'Element “style” not allowed here. CSS: …' },
      { type: 'non-document-error', url: 'file:/site/dist/broken.html', message: 'File not found.' },
    ];
    expect(nuHtmlErrors(messages, '/site/dist')).toEqual([
      'search/index.html:9:1 Element “style” not allowed here. CSS: …',
      'broken.html File not found.',
    ]);
  });
});
