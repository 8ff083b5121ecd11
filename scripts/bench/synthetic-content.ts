/**
 * Synthetic articles and comments for the benchmark: valid for the site's schemas, shaped like real
 * health articles (about 1,200 words with headings, lists and a table) and their reader Q&A (threads
 * one to six levels deep). Seeded, so every run builds the same text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticSiteOptions {
  /** How many articles to write. */
  articles: number;
  /** Comments per article, all in one file. */
  commentsPerArticle: number;
  /** Words per article body, at least. */
  wordsPerArticle?: number;
}

/** What was written, for the rebuild step that edits one comment. */
export interface SyntheticSite {
  articlesDir: string;
  commentsDir: string;
  /** Slug of the first article, whose comments file the rebuild step edits. */
  firstSlug: string;
}

const WORDS = (
  'pain muscle cramp leg night sleep calcium magnesium potassium water exercise stretch doctor nurse pharmacist ' +
  'pregnancy trimester blood pressure vein nerve swelling heat rest walk symptom sign cause treatment relief ' +
  'week month day morning evening hour minute body back foot calf thigh ankle knee hip joint tissue fluid ' +
  'salt diet food fruit banana spinach milk yoghurt vitamin supplement tablet dose medicine advice risk test ' +
  'common rare mild severe sudden gentle regular daily often usually sometimes rarely early late better worse ' +
  'helps eases reduces prevents causes triggers lasts returns improves eat drink sit stand lie bend massage ' +
  'warm cold soft tight sore stiff tired weak strong healthy safe normal usual sharp dull brief long short'
).split(' ');

const SLUG_PAD = 6;
export const slugOf = (index: number) => `synthetic-${String(index).padStart(SLUG_PAD, '0')}`;

/** A small seeded generator (mulberry32): the same seed gives the same site on every machine. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const word = () => WORDS[int(0, WORDS.length - 1)]!;
  const words = (min: number, max: number) => Array.from({ length: int(min, max) }, word);
  const sentence = () => {
    const text = words(8, 20).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  return { next, int, word, words, sentence };
}

type Random = ReturnType<typeof randomSource>;

const capitalise = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const wordCount = (text: string) => text.split(/\s+/).filter((token) => /[a-z]/i.test(token)).length;

/** A paragraph with the inline Markdown real articles use: emphasis, strong text, now and then a link. */
function paragraph(random: Random): string {
  const sentences = Array.from({ length: random.int(3, 6) }, () => random.sentence());
  const pick = random.int(0, sentences.length - 1);
  const [first, ...rest] = sentences[pick]!.split(' ');
  sentences[pick] = [first, `**${rest.slice(0, 2).join(' ')}**`, ...rest.slice(2)].join(' ');
  if (random.next() < 0.5)
    sentences.push(`Read *${random.words(2, 4).join(' ')}* on [the NHS website](https://www.nhs.uk/).`);
  return sentences.join(' ');
}

function bulletList(random: Random, ordered: boolean): string {
  return Array.from(
    { length: random.int(4, 6) },
    (_, index) => `${ordered ? `${index + 1}.` : '-'} ${capitalise(random.words(4, 12).join(' '))}.`,
  ).join('\n');
}

function table(random: Random): string {
  const header = '| Symptom | How common | What helps | When to get help |';
  const rule = '| --- | --- | --- | --- |';
  const rows = Array.from(
    { length: random.int(4, 6) },
    () =>
      `| ${capitalise(random.words(1, 3).join(' '))} | ${random.word()} | ${random.words(2, 5).join(' ')} | ${random.words(2, 5).join(' ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** An article body: sections of paragraphs under `##` headings, one `###`, two lists and a table. */
function articleBody(random: Random, minWords: number): string {
  const blocks: string[] = [paragraph(random), paragraph(random)];
  let section = 0;
  while (wordCount(blocks.join('\n')) < minWords) {
    blocks.push(`## ${capitalise(random.words(3, 6).join(' '))}`, paragraph(random));
    if (section === 1) blocks.push(bulletList(random, false));
    if (section === 2) blocks.push(`### ${capitalise(random.words(2, 5).join(' '))}`, paragraph(random), table(random));
    if (section === 3) blocks.push(bulletList(random, true));
    blocks.push(paragraph(random));
    section += 1;
  }
  return blocks.join('\n\n');
}

const isoDay = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const FIRST_DAY = new Date('2020-01-01T00:00:00Z');

/** Synthetic writers and reviewers (`people/<id>.yaml`), named by id in the articles' frontmatter. */
const WRITERS = 10;
const REVIEWERS = 5;
const writerId = (index: number) => `synthetic-writer-${index % WRITERS}`;
const reviewerId = (index: number) => `synthetic-reviewer-${index % REVIEWERS}`;

function writePeople(peopleDir: string): void {
  mkdirSync(peopleDir, { recursive: true });
  for (let i = 0; i < WRITERS; i += 1)
    writeFileSync(join(peopleDir, `${writerId(i)}.yaml`), `name: Synthetic Writer ${i}\n`);
  for (let i = 0; i < REVIEWERS; i += 1)
    writeFileSync(join(peopleDir, `${reviewerId(i)}.yaml`), `name: Synthetic Reviewer ${i}\n`);
}

function articleFile(random: Random, index: number, minWords: number): string {
  const title = `${capitalise(random.words(3, 7).join(' '))} (${index})`;
  const frontmatter = [
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(`${capitalise(random.words(12, 24).join(' '))}.`)}`,
    `published: ${isoDay(FIRST_DAY, index % 2000)}`,
    ...(index % 3 === 0 ? [`updated: ${isoDay(FIRST_DAY, (index % 2000) + 30)}`] : []),
    ...(index % 2 === 0 ? [`author: ${writerId(index)}`] : []),
    'tags:',
    ...random.words(1, 3).map((tag) => `  - ${JSON.stringify(tag)}`),
    ...(index % 4 === 0
      ? ['medicalReview:', `  reviewer: ${reviewerId(index)}`, `  date: ${isoDay(FIRST_DAY, (index % 2000) + 7)}`]
      : []),
  ];
  return `---\n${frontmatter.join('\n')}\n---\n\n${articleBody(random, minWords)}\n`;
}

/** A reader's comment body: plain text with the writer's line breaks and a little Markdown. */
function commentBody(random: Random): string {
  const parts = [random.words(10, 40).join(' ')];
  if (random.next() < 0.3) parts.push(`\n${random.words(5, 15).join(' ')}`);
  if (random.next() < 0.3) parts.push(`\n\n**${random.words(2, 4).join(' ')}** ${random.words(5, 20).join(' ')}`);
  if (random.next() < 0.1) parts.push(` see https://www.nhs.uk/conditions/${random.word()}/`);
  return capitalise(parts.join(''));
}

interface SyntheticComment {
  id: string;
  parent?: string;
  author?: string;
  date?: string;
  title?: string;
  body: string;
  status?: 'pending';
}

/**
 * `count` comments as threads whose depth cycles through 1…6: a question, then a chain of replies,
 * every third thread with a second answer to the question. The last reply of every fourth thread is
 * still pending moderation, as in real files.
 */
function comments(random: Random, count: number, articleIndex: number): SyntheticComment[] {
  const list: SyntheticComment[] = [];
  const add = (comment: Omit<SyntheticComment, 'id' | 'body' | 'date'>) => {
    const id = `c${list.length + 1}`;
    list.push({
      id,
      ...comment,
      ...(random.next() < 0.6 && { author: capitalise(random.word()) }),
      date: isoDay(FIRST_DAY, (articleIndex % 2000) + list.length),
      body: commentBody(random),
    });
    return id;
  };
  for (let thread = 0; list.length < count; thread += 1) {
    const depth = (thread % 6) + 1;
    const question = add({ title: `${capitalise(random.words(4, 10).join(' '))}?` });
    let parent = question;
    for (let level = 2; level <= depth && list.length < count; level += 1) parent = add({ parent });
    if (thread % 3 === 2 && list.length < count) add({ parent: question });
    if (thread % 4 === 3 && list.at(-1)!.parent) list.at(-1)!.status = 'pending';
  }
  return list;
}

/** Writes `articles/`, `comments/` and `people/` under `contentDir`. */
export function writeSyntheticSite(contentDir: string, options: SyntheticSiteOptions): SyntheticSite {
  const articlesDir = join(contentDir, 'articles');
  const commentsDir = join(contentDir, 'comments');
  mkdirSync(articlesDir, { recursive: true });
  mkdirSync(commentsDir, { recursive: true });
  writePeople(join(contentDir, 'people'));
  for (let index = 0; index < options.articles; index += 1) {
    const random = randomSource(index + 1);
    const slug = slugOf(index);
    writeFileSync(join(articlesDir, `${slug}.mdx`), articleFile(random, index, options.wordsPerArticle ?? 1200));
    const file = { comments: comments(random, options.commentsPerArticle, index) };
    writeFileSync(join(commentsDir, `${slug}.json`), `${JSON.stringify(file, null, 2)}\n`);
  }
  return { articlesDir, commentsDir, firstSlug: slugOf(0) };
}

/** Adds a sentence to the first article, as a writer correcting it would. */
export function editOneArticle(site: SyntheticSite): void {
  const path = join(site.articlesDir, `${site.firstSlug}.mdx`);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\nOne more sentence, added by the writer.\n`);
}

/** Edits one comment's body in the first article's file, as a moderator fixing a typo would. */
export function editOneComment(site: SyntheticSite): void {
  const path = join(site.commentsDir, `${site.firstSlug}.json`);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { comments: SyntheticComment[] };
  data.comments[0]!.body += ' (Edited by a moderator.)';
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
