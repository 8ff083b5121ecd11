/**
 * Reads the seed page (a WordPress post copied as text) independently of the site's own content
 * files, so tests can check the published page against the source, word for word.
 */
import { readFileSync } from 'node:fs';

export interface SeedComment {
  /** The question line; answers have none. */
  title?: string;
  /** Body text with the writer's line breaks. */
  body: string;
  answers: SeedComment[];
}

export interface SeedPage {
  title: string;
  /** Article paragraphs, the trailing keyword line included. */
  paragraphs: string[];
  questions: SeedComment[];
  /** Every question and answer. */
  commentCount: number;
}

export const SEED_PATH = new URL('../fixtures/seed/leg-cramps-sign-of-pregnancy.txt', import.meta.url);

export function readSeed(path: URL = SEED_PATH): SeedPage {
  const lines = readFileSync(path, 'utf8').split('\n');
  const commentsStart = lines.findIndex((line) => / thoughts on “/.test(line));
  const paragraphs = lines
    .slice(1, commentsStart)
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

  const questions: SeedComment[] = [];
  let current: { comment: SeedComment; indent: number; lines: string[] } | undefined;
  const finish = () => {
    if (current) current.comment.body = current.lines.join('\n').trim();
  };
  for (const line of lines.slice(commentsStart + 1)) {
    const question = /^ {2}\d+\. (.*)$/.exec(line);
    const answer = /^ {4}• (.*)$/.exec(line);
    if (question) {
      finish();
      current = { comment: { title: question[1]!, body: '', answers: [] }, indent: 4, lines: [] };
      questions.push(current.comment);
    } else if (answer) {
      finish();
      current = { comment: { body: '', answers: [] }, indent: 6, lines: [answer[1]!] };
      questions.at(-1)!.answers.push(current.comment);
    } else if (current) {
      current.lines.push(line.slice(current.indent));
    }
  }
  finish();

  const commentCount = questions.reduce((sum, question) => sum + 1 + question.answers.length, 0);
  return { title: lines[0]!.trim(), paragraphs, questions, commentCount };
}
