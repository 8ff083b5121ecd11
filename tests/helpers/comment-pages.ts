import { globSync, readFileSync } from 'node:fs';

import * as cheerio from 'cheerio';

export interface BuiltPage {
  /** Path below dist, such as `articles/x/comments/2/index.html`. */
  file: string;
  html: string;
  $: cheerio.CheerioAPI;
}

/** The article page and its numbered comment pages of a built site, in page order. */
export function commentPages(dist: string, slug: string): BuiltPage[] {
  const pageNumber = (file: string) => Number(/comments\/(\d+)/.exec(file)?.[1] ?? 1);
  return globSync(`articles/${slug}/{index.html,comments/*/index.html}`, { cwd: dist })
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((file) => {
      const html = readFileSync(`${dist}/${file}`, 'utf8');
      return { file, html, $: cheerio.load(html) };
    });
}

/** Ids of the comments shown on a page, in order. */
export const commentIdsOn = ($: cheerio.CheerioAPI) =>
  $('article.comment')
    .toArray()
    .map((element) => element.attribs.id!.replace(/^comment-/, ''));
