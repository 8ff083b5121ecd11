/**
 * What an import did, counted as it goes and printed as a summary at the end.
 */
import { countOf } from '@/lib/text/plural';

import type { DraftReason } from '@/lib/import/wordpress/articles';
import { addBlockOutcomes, type BlockOutcomes } from '@/lib/import/wordpress/blocks';
import type { ReattachedReply } from '@/lib/import/wordpress/comments';
import { WARNING_KINDS, type ImportWarning } from '@/lib/import/wordpress/warnings';
import type { WxrSite } from '@/lib/import/wordpress/wxr';

export interface ImportReport {
  site: WxrSite;
  /** Published posts imported. */
  posts: number;
  /** Published pages imported (only with `includePages`). */
  pages: number;
  /** Unpublished posts and pages imported with `draft: true`, by why they were unpublished. */
  drafts: Partial<Record<DraftReason, number>>;
  /** Scheduled posts and pages imported with their future publication date. */
  scheduled: number;
  /** Comments written, and on how many articles. */
  comments: number;
  articlesWithComments: number;
  /** Old addresses redirected: the articles' own (`redirectFrom`) and the archives' (`redirects.yaml`). */
  oldAddresses: { articles: number; archives: number };
  /** Items not imported, by reason. */
  skippedItems: Record<string, number>;
  /** Comments not imported, by reason. */
  skippedComments: Record<string, number>;
  reattached: (ReattachedReply & { article: string })[];
  warnings: ImportWarning[];
  /** What became of the block-editor blocks of imported articles, by block name (`core/table`). */
  blocks: BlockOutcomes;
}

/** Collects an {@link ImportReport} while the import runs. */
export class ReportBuilder {
  readonly report: ImportReport;

  constructor(site: WxrSite) {
    this.report = {
      site,
      posts: 0,
      pages: 0,
      drafts: {},
      scheduled: 0,
      comments: 0,
      articlesWithComments: 0,
      oldAddresses: { articles: 0, archives: 0 },
      skippedItems: {},
      skippedComments: {},
      reattached: [],
      warnings: [],
      blocks: {},
    };
  }

  /** Adds what became of one imported article's blocks. */
  addBlocks(outcomes: BlockOutcomes) {
    addBlockOutcomes(this.report.blocks, outcomes);
  }

  skipItem(reason: string, comments: number) {
    increment(this.report.skippedItems, reason);
    if (comments > 0) increment(this.report.skippedComments, 'on an item not imported', comments);
  }

  skipComments(counts: ReadonlyMap<string, number>) {
    for (const [reason, count] of counts) increment(this.report.skippedComments, reason, count);
  }
}

function increment(counts: Record<string, number>, key: string, by = 1) {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Hints printed after a skip reason, where the owner can change the outcome. */
const SKIP_HINTS: Record<string, string> = {
  page: 'add --include-pages to import them',
  pingback: 'add --include-pingbacks to import them',
  trackback: 'add --include-pingbacks to import them',
  'reusable block': 'filled in where posts use them',
  'password-protected': 'their writer limited who may read them',
  private: 'their writer limited who may read them',
};

function countLines(counts: Record<string, number>): string[] {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (entries.length === 0) return ['  none'];
  const width = Math.max(...entries.map(([reason]) => reason.length));
  return entries.map(([reason, count]) => {
    const hint = SKIP_HINTS[reason];
    return `  ${reason.padEnd(width)}  ${String(count).padStart(5)}${hint ? `  (${hint})` : ''}`;
  });
}

/**
 * One line per block type: how many were converted, degraded and dropped, then a line for each way
 * they were degraded or reason they were dropped.
 */
export function blockLines(blocks: BlockOutcomes): string[] {
  const names = Object.keys(blocks).sort();
  const width = Math.max(...names.map((name) => name.length));
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
  return names.flatMap((name) => {
    const { converted, degraded, dropped } = blocks[name]!;
    const counts = [`${converted} converted`, `${total(degraded)} degraded`, `${total(dropped)} dropped`];
    return [
      `  ${name.padEnd(width)}  ${counts.join(', ')}`,
      ...Object.entries(degraded).map(([how, count]) => `    ${count} degraded: ${how}`),
      ...Object.entries(dropped).map(([why, count]) => `    ${count} dropped: ${why}`),
    ];
  });
}

/** The report as the command prints it. */
export function formatReport(report: ImportReport): string {
  const draftTotal = Object.values(report.drafts).reduce((sum, count) => sum + count, 0);
  const draftDetail = Object.entries(report.drafts)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  const lines = [
    `Imported from "${report.site.title}" (${report.site.link || 'no address'}, WXR ${report.site.wxrVersion})`,
    `  posts     ${String(report.posts).padStart(5)}`,
    `  pages     ${String(report.pages).padStart(5)}`,
    `  drafts    ${String(draftTotal).padStart(5)}${
      draftTotal > 0 ? `  (${draftDetail}: written with draft: true, not published)` : ''
    }`,
    `  scheduled ${String(report.scheduled).padStart(5)}${
      report.scheduled > 0 ? '  (published by the first build on or after their publication day)' : ''
    }`,
    `  comments  ${String(report.comments).padStart(5)}  (on ${countOf(report.articlesWithComments, 'article')})`,
    `  redirects ${String(report.oldAddresses.articles + report.oldAddresses.archives).padStart(5)}  (old addresses: ${report.oldAddresses.articles} of articles in redirectFrom, ${report.oldAddresses.archives} of archives and feeds in redirects.yaml)`,
    '',
    'Items skipped, by reason',
    ...countLines(report.skippedItems),
    '',
    'Comments skipped, by reason',
    ...countLines(report.skippedComments),
    '',
    `Replies re-attached because their parent was skipped: ${report.reattached.length}`,
    ...report.reattached.map(
      (reply) =>
        `  ${reply.article}: comment ${reply.comment} replied to ${reply.parent} (${reply.parentReason}); now ${
          reply.attachedTo ? `a reply to ${reply.attachedTo}` : 'a top-level comment'
        }`,
    ),
    '',
    // A classic export (no block-editor content) has no blocks to count.
    ...(Object.keys(report.blocks).length > 0 ? ['Blocks, by type', ...blockLines(report.blocks), ''] : []),
    `Warnings: ${report.warnings.length}`,
  ];
  for (const [kind, heading] of Object.entries(WARNING_KINDS)) {
    const warnings = report.warnings.filter((warning) => warning.kind === kind);
    if (warnings.length === 0) continue;
    lines.push(`  ${heading}: ${warnings.length}`);
    for (const warning of warnings) lines.push(`    ${warning.article}: ${warning.message}`);
  }
  return lines.join('\n');
}
