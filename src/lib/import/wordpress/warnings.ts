/**
 * Things the importer could not carry over exactly, for the owner to check by hand.
 */

/** What a warning is about; the report groups warnings by kind, in this order. */
export const WARNING_KINDS = {
  shortcode: 'Unknown shortcodes (kept as text)',
  image: 'Missing images',
  'alt-text': 'Images without alternative text',
  'media-file': 'Media not downloaded (still loaded from where they were)',
  media: 'Audio, video and embeds',
  removed: 'Removed from the body (scripts, forms, embedded objects)',
  'dynamic-block': 'Blocks WordPress builds on the fly (left out)',
  footnote: 'Footnotes without text (their numbers left out)',
  slug: 'Slugs changed (taken, not Latin, or a Windows device name)',
  address: 'Old addresses not redirected (not a path the site can redirect)',
  author: 'Unknown authors',
  title: 'Missing titles',
  date: 'Impossible dates (repaired or left out)',
  nesting: 'Tags nested too deep (flattened, text kept)',
  'plain-text': 'Bodies written as plain paragraphs (their markup would not compile as MDX)',
  thread: 'Replies that did not form a tree (now top-level comments)',
  field: 'Values the content check refuses (left out or replaced)',
  refused: 'Not written: refused by the content check',
  failed: 'Not written: could not be converted',
} as const;

export type WarningKind = keyof typeof WARNING_KINDS;

export interface ConversionWarning {
  kind: WarningKind;
  message: string;
}

export interface ImportWarning extends ConversionWarning {
  /** Slug of the article it concerns. */
  article: string;
}
