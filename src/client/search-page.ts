/**
 * The search page's script, the only JavaScript the site ships: runs the form's query against the
 * Pagefind index built with the site, and lists the matching pages and comments. Without it the form
 * still submits (`?q=`), and the page says search needs JavaScript.
 */
import {
  moreCommentsLabel,
  resultsMessage,
  toPageHit,
  type CommentHit,
  type ExcerptPart,
  type PageHit,
  type PagefindResultData,
} from '@/lib/search/results';

/** Pages listed at a time; "Show more results" adds as many again. */
const PAGE_SIZE = 10;
/** Matching comments listed under one page; the others are one "Show … more" away. */
const COMMENTS_SHOWN = 5;

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** An element with text only: indexed text is never parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = element('a', text);
  anchor.href = href;
  return anchor;
}

function excerpt(parts: ExcerptPart[]): HTMLParagraphElement {
  const paragraph = element('p');
  for (const part of parts)
    paragraph.append(part.marked ? element('mark', part.text) : document.createTextNode(part.text));
  return paragraph;
}

function commentList(comments: CommentHit[]): HTMLUListElement {
  const list = element('ul');
  for (const comment of comments) {
    const entry = element('li');
    entry.append(link(comment.url, comment.title), excerpt(comment.excerpt));
    list.append(entry);
  }
  return list;
}

function resultItem(hit: PageHit): HTMLLIElement {
  const item = element('li');
  const heading = element('h2');
  heading.append(link(hit.url, hit.title));
  item.append(heading);
  if (hit.excerpt.length > 0) item.append(excerpt(hit.excerpt));
  if (hit.comments.length > 0) {
    item.append(element('p', `Matching readers’ comments on this page: ${hit.comments.length}.`));
    item.append(commentList(hit.comments.slice(0, COMMENTS_SHOWN)));
    const rest = hit.comments.slice(COMMENTS_SHOWN);
    // The rest are on the page too, folded: every match can be reached, with JavaScript's help or none.
    if (rest.length > 0) {
      const more = element('details');
      more.append(element('summary', moreCommentsLabel(rest.length)), commentList(rest));
      item.append(more);
    }
  }
  return item;
}

export function startSearchPage() {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const status = byId<HTMLParagraphElement>('search-status');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLDivElement>('search-more');
  const broken = byId<HTMLDivElement>('search-broken');
  let pagefind: Promise<Pagefind> | undefined;
  let pending: PagefindResult[] = [];
  let latest = 0;

  const load = () => {
    pagefind ??= import(/* @vite-ignore */ form.dataset.searchLibrary!).then(async (module: Pagefind) => {
      // The index holds each page's address inside the site: the site's base path goes in front of it.
      await module.options({ baseUrl: form.dataset.searchBase!, excerptLength: 24 });
      return module;
    });
    return pagefind;
  };

  /** Lists the next results, and moves focus to the first new one when the reader asked for more. */
  const showNext = async (focusFirst: boolean) => {
    const search = latest;
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = (await Promise.all(batch.map((result) => result.data()))).map((data) => resultItem(toPageHit(data)));
    if (search !== latest) return; // a newer search has started
    list.append(...items);
    more.hidden = pending.length === 0;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  const run = async (query: string) => {
    const search = ++latest;
    list.replaceChildren();
    more.hidden = true;
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const found = (await (await load()).search(query))?.results ?? [];
      if (search !== latest) return; // a newer search has started
      pending = found;
      await showNext(false);
      if (search !== latest) return;
      status.textContent = resultsMessage(query, found.length);
    } catch (error) {
      broken.hidden = false;
      status.textContent = 'Search is not working right now.';
      throw error;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    void run(query);
  });
  more.querySelector('button')!.addEventListener('click', () => void showNext(true));

  const query = new URL(location.href).searchParams.get('q')?.trim() ?? '';
  if (query) {
    input.value = query;
    void run(query);
  }
}
