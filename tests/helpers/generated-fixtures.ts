/**
 * Fixture content too large or too strange to keep as files: written into the fixture content folder
 * before the fixture site is built (tests/helpers/fixture-sites.ts), and read back by the tests that check it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { COMMENT_LIMITS, type CommentInput } from '@/schemas/comments';

type FixtureComment = CommentInput;

const article = (title: string, description: string) => `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(description)}
published: 2024-04-01
tags:
  - fixture
---

Test fixture: ${description}
`;

export const ATTACKS: string[] = JSON.parse(
  readFileSync(new URL('../fixtures/xss/attacks.json', import.meta.url), 'utf8'),
);

/**
 * An attack as a one-line text (a title or a name), as the comment schema requires: line breaks become
 * spaces, and it is cut to the field's limit.
 */
const asLine = (attack: string, limit: number) => attack.replace(/[\r\n]+/g, ' ').slice(0, limit);

/**
 * Every attack as a body, as a question title and as a writer's name, plus addresses carrying some. An
 * attack that would show no text at all (such as `<img onerror=…>`) is not a valid comment, so each body
 * ends with a paragraph of its own naming it: the attack itself is parsed exactly as written.
 */
export function hostileComments(): FixtureComment[] {
  return ATTACKS.flatMap((attack, i) => {
    const url = `https://example.org/${attack}`;
    return [
      { id: `body-${i}`, body: `${attack}\n\n(Attack ${i}.)` },
      { id: `title-${i}`, title: asLine(attack, COMMENT_LIMITS.titleCharacters), body: `Question ${i}` },
      {
        id: `author-${i}`,
        parent: `title-${i}`,
        author: asLine(attack, COMMENT_LIMITS.authorCharacters),
        ...(URL.canParse(url) && { authorUrl: url }),
        body: `Answer ${i}`,
      },
    ];
  });
}

/** 10,000 comments: 2,000 questions, each with four answers two levels deep, listed in a scrambled order. */
export function hugeThreadComments(): FixtureComment[] {
  const comments: FixtureComment[] = [];
  for (let q = 0; q < 2000; q++) {
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + (q * 5 + n) * 3_600_000).toISOString();
    comments.push(
      { id: `h${q}-a2`, parent: `h${q}-a1`, date: day(2), body: `Second-level answer to question ${q}.` },
      {
        id: `h${q}`,
        author: `Reader ${q}`,
        date: day(0),
        title: `Question number ${q}?`,
        body: `Body of question ${q}.`,
      },
      { id: `h${q}-a1`, parent: `h${q}`, date: day(1), body: `First answer to question ${q}.` },
      { id: `h${q}-a3`, parent: `h${q}`, date: day(3), body: `Another answer to question ${q}.` },
      { id: `h${q}-a4`, parent: `h${q}-a3`, date: day(4), body: `Reply to another answer, question ${q}.` },
    );
  }
  return comments;
}

/** One question and a chain of 500 replies, each answering the one before. */
export function longChainComments(length = 500): FixtureComment[] {
  return Array.from({ length }, (_, i) => ({
    id: `link${i}`,
    ...(i > 0 && { parent: `link${i - 1}` }),
    author: `Chain writer ${i}`,
    body: `Reply ${i} in a very long chain.`,
  }));
}

/**
 * Text that trips up renderers: the longest comment allowed (`COMMENT_LIMITS.bodyCharacters`), right-to-left
 * scripts, emoji, combining marks, invisible characters.
 */
export const STRANGE_BODIES: Record<string, string> = {
  longest: Array.from({ length: 1000 }, (_, i) => `Line ${i} of the longest comment a reader may write.`)
    .join('\n')
    .padEnd(COMMENT_LIMITS.bodyCharacters, '.')
    .slice(0, COMMENT_LIMITS.bodyCharacters),
  'right-to-left': 'مرحبا، هل تشنجات الساق طبيعية؟\nשלום, האם זה נורמלי?\nMixed: left مرحبا right.',
  emoji: 'Cramps 😖 at night 🌙, family 👨‍👩‍👧‍👦, flags 🇬🇧🇫🇮, skin tones 👍🏽.',
  'combining-marks': 'Z̷̡̧a̴̛͉l̶̢͎g̷̨̛o̶̧̢ text, e\u0301 composed vs é precomposed, a\u0308\u0304 stacked.',
  'zero-width': 'zero\u200bwidth\u200cjoiner\u200dand\u2060word\ufeffjoiners, soft\u00adhyphen.',
  'whitespace-lines': 'First line.\n   \n\t\nAfter whitespace-only lines.\n \nLast line.',
};

export function strangeComments(): FixtureComment[] {
  return Object.entries(STRANGE_BODIES).map(([id, body], i) => ({
    id,
    ...(i > 0 && { parent: 'longest' }),
    author: id === 'right-to-left' ? 'سارة' : undefined,
    body,
  })) as FixtureComment[];
}

export const GENERATED_ARTICLES = {
  hostile: { title: 'Fixture: hostile comments', comments: hostileComments },
  'huge-thread': { title: 'Fixture: ten thousand comments', comments: hugeThreadComments },
  'long-chain': { title: 'Fixture: a reply chain 500 deep', comments: longChainComments },
  'strange-text': { title: 'Fixture: strange text', comments: strangeComments },
} as const;

export function writeGeneratedFixtures(contentDir: string) {
  for (const [slug, { title, comments }] of Object.entries(GENERATED_ARTICLES)) {
    writeFileSync(
      join(contentDir, 'articles', `${slug}.mdx`),
      article(title, `${title.replace('Fixture: ', '')}, generated by the tests.`),
    );
    writeFileSync(join(contentDir, 'comments', `${slug}.json`), JSON.stringify({ comments: comments() }, null, 1));
  }
}
