/**
 * Block-editor content: which blocks a post holds (read from its `<!-- wp:name {…} -->` delimiters),
 * what became of each (converted, degraded and how, or dropped and why), the embed providers named in
 * the links that replace embeds, and the footnotes WordPress 6.3+ keeps in the post's meta.
 */
import { escapeHtml } from '@/lib/html-text';

/** What became of the blocks of one type: counts, and the reasons for those that lost something. */
export interface BlockOutcome {
  /** Carried over with nothing lost. */
  converted: number;
  /** Carried over with something lost, by how. */
  degraded: Record<string, number>;
  /** Left out, by why. */
  dropped: Record<string, number>;
}

/** Outcomes by block name (`core/table`). */
export type BlockOutcomes = Record<string, BlockOutcome>;

/**
 * An opening or self-closing block delimiter; closing ones (`<!-- /wp:… -->`) are not matched.
 * WordPress writes `--` in attributes as `\u002d\u002d`, so the first `-->` ends the delimiter.
 */
const BLOCK_DELIMITER = /<!--\s+wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(?:\s[\s\S]*?)?-->/g;

/** One block delimiter: the name as written (`paragraph`, `core-embed/youtube`) and whether it closes itself. */
export interface BlockDelimiter {
  name: string;
  selfClosing: boolean;
}

/** The opening and self-closing block delimiters of a stored post body, in order. */
export function blockDelimiters(html: string): BlockDelimiter[] {
  return [...html.matchAll(BLOCK_DELIMITER)].map((match) => ({
    name: match[1]!,
    selfClosing: match[0].endsWith('/-->'),
  }));
}

/**
 * A block's full name as WordPress registers it: `paragraph` is `core/paragraph`, and the embeds of
 * WordPress 5.0–5.5 (`core-embed/youtube`) are `core/embed`.
 */
export function blockName(delimiterName: string): string {
  if (delimiterName.startsWith('core-embed/')) return 'core/embed';
  return delimiterName.includes('/') ? delimiterName : `core/${delimiterName}`;
}

/** The blocks a stored post body holds, by name, counted from their delimiters. */
export function blocksOf(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { name } of blockDelimiters(html)) {
    const full = blockName(name);
    counts.set(full, (counts.get(full) ?? 0) + 1);
  }
  return counts;
}

/**
 * Counts, while one body is converted, the blocks it holds and those that lost something; every
 * block not degraded or dropped was converted.
 */
export class BlockTally {
  private readonly found = new Map<string, number>();
  private readonly degraded = new Map<string, Map<string, number>>();
  private readonly dropped = new Map<string, Map<string, number>>();

  /** Adds the blocks of a stored body, read from its delimiters. */
  addBlocksOf(html: string) {
    for (const [name, count] of blocksOf(html)) this.found.set(name, (this.found.get(name) ?? 0) + count);
  }

  /** One block of this type was carried over with something lost. */
  degrade(name: string, how: string) {
    increment(this.degraded, name, how);
  }

  /** One block of this type was left out. */
  drop(name: string, why: string) {
    increment(this.dropped, name, why);
  }

  /** The outcomes by block name, in name order. Only blocks the body holds are counted. */
  outcomes(): BlockOutcomes {
    const outcomes: BlockOutcomes = {};
    for (const [name, total] of [...this.found].sort(([a], [b]) => a.localeCompare(b))) {
      const degraded = capped(this.degraded.get(name), total);
      const dropped = capped(this.dropped.get(name), total - sum(degraded));
      outcomes[name] = { converted: total - sum(degraded) - sum(dropped), degraded, dropped };
    }
    return outcomes;
  }
}

function increment(counts: Map<string, Map<string, number>>, name: string, reason: string) {
  const reasons = counts.get(name) ?? new Map<string, number>();
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  counts.set(name, reasons);
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

/** Reasons and their counts, no more in all than `limit` (a block is counted once, whatever it lost). */
function capped(reasons: ReadonlyMap<string, number> | undefined, limit: number): Record<string, number> {
  const result: Record<string, number> = {};
  let left = limit;
  for (const [reason, count] of reasons ?? []) {
    const taken = Math.min(count, left);
    if (taken > 0) result[reason] = taken;
    left -= taken;
  }
  return result;
}

/** Adds one post's outcomes into a running total. */
export function addBlockOutcomes(total: BlockOutcomes, outcomes: BlockOutcomes) {
  for (const [name, outcome] of Object.entries(outcomes)) {
    const into = (total[name] ??= { converted: 0, degraded: {}, dropped: {} });
    into.converted += outcome.converted;
    for (const [how, count] of Object.entries(outcome.degraded)) into.degraded[how] = (into.degraded[how] ?? 0) + count;
    for (const [why, count] of Object.entries(outcome.dropped)) into.dropped[why] = (into.dropped[why] ?? 0) + count;
  }
}

/** An embed's provider: its name and what it shows. */
export interface EmbedProvider {
  name: string;
  /** What an embed from it shows, as the link's first word: `Video` on YouTube: … */
  shows: string;
}

/** Providers by WordPress's `providerNameSlug` (the `is-provider-…` class). */
const PROVIDERS: Readonly<Record<string, EmbedProvider>> = {
  youtube: { name: 'YouTube', shows: 'Video' },
  vimeo: { name: 'Vimeo', shows: 'Video' },
  dailymotion: { name: 'Dailymotion', shows: 'Video' },
  tiktok: { name: 'TikTok', shows: 'Video' },
  ted: { name: 'TED', shows: 'Talk' },
  'wordpress-tv': { name: 'WordPress.tv', shows: 'Video' },
  twitter: { name: 'X (Twitter)', shows: 'Post' },
  facebook: { name: 'Facebook', shows: 'Post' },
  instagram: { name: 'Instagram', shows: 'Post' },
  threads: { name: 'Threads', shows: 'Post' },
  tumblr: { name: 'Tumblr', shows: 'Post' },
  reddit: { name: 'Reddit', shows: 'Post' },
  pinterest: { name: 'Pinterest', shows: 'Pin' },
  bluesky: { name: 'Bluesky', shows: 'Post' },
  spotify: { name: 'Spotify', shows: 'Audio' },
  soundcloud: { name: 'SoundCloud', shows: 'Audio' },
  mixcloud: { name: 'Mixcloud', shows: 'Audio' },
  flickr: { name: 'Flickr', shows: 'Photo' },
  imgur: { name: 'Imgur', shows: 'Image' },
  slideshare: { name: 'SlideShare', shows: 'Slides' },
  speakerdeck: { name: 'Speaker Deck', shows: 'Slides' },
  scribd: { name: 'Scribd', shows: 'Document' },
  issuu: { name: 'Issuu', shows: 'Document' },
};

/** Provider slugs by host (without `www.`), for embeds whose class does not name one. */
const PROVIDER_HOSTS: Readonly<Record<string, string>> = {
  'youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'vimeo.com': 'vimeo',
  'dailymotion.com': 'dailymotion',
  'tiktok.com': 'tiktok',
  'ted.com': 'ted',
  'twitter.com': 'twitter',
  'x.com': 'twitter',
  'facebook.com': 'facebook',
  'fb.watch': 'facebook',
  'instagram.com': 'instagram',
  'threads.net': 'threads',
  'reddit.com': 'reddit',
  'pinterest.com': 'pinterest',
  'bsky.app': 'bluesky',
  'open.spotify.com': 'spotify',
  'soundcloud.com': 'soundcloud',
  'mixcloud.com': 'mixcloud',
  'flickr.com': 'flickr',
  'imgur.com': 'imgur',
  'slideshare.net': 'slideshare',
  'speakerdeck.com': 'speakerdeck',
  'scribd.com': 'scribd',
  'issuu.com': 'issuu',
};

/**
 * Who an embed comes from: the provider its class names (`is-provider-youtube`), else the one its
 * address belongs to, else the address's host.
 */
export function embedProvider(url: URL, providerSlug: string | undefined): EmbedProvider {
  const known = providerSlug === undefined ? undefined : PROVIDERS[providerSlug];
  if (known) return known;
  const host = url.hostname.replace(/^www\./, '');
  const byHost = PROVIDER_HOSTS[host] ?? (host.endsWith('.tumblr.com') ? 'tumblr' : undefined);
  return (byHost && PROVIDERS[byHost]) || { name: host, shows: 'Content' };
}

/**
 * An address a classic post embeds (on a line of its own, or in `[embed]`), as a block-editor embed,
 * so that it is named the same way ("Video on YouTube"); undefined for a provider nobody listed.
 */
export function embedMarkup(address: string): string | undefined {
  if (!URL.canParse(address)) return undefined;
  if (embedProvider(new URL(address), undefined).shows === 'Content') return undefined;
  const link = `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`;
  return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${link}</div></figure>`;
}

/** One footnote as WordPress keeps it: its id (used in `data-fn`) and its text as HTML. */
export interface Footnote {
  id: string;
  content: string;
}

/**
 * The footnotes of a post's `footnotes` meta, by id.
 * @returns the footnotes, or why the meta cannot be read
 */
export function readFootnotes(meta: string): { footnotes: Map<string, string> } | { problem: string } {
  const footnotes = new Map<string, string>();
  if (meta.trim() === '') return { footnotes };
  let parsed: unknown;
  try {
    parsed = JSON.parse(meta);
  } catch {
    return { problem: 'its footnotes (post meta "footnotes") are not valid JSON' };
  }
  if (!Array.isArray(parsed)) return { problem: 'its footnotes (post meta "footnotes") are not a list' };
  for (const entry of parsed as unknown[]) {
    const { id, content } = (entry ?? {}) as Partial<Record<keyof Footnote, unknown>>;
    if (typeof id === 'string' && typeof content === 'string' && !footnotes.has(id)) footnotes.set(id, content);
  }
  return { footnotes };
}
