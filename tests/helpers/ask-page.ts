/** A built ask page for the tests of the hosts that serve the question handler. */
import { askPageData } from '@/lib/questions/ask-page-data';

/** Where `LEG_CRAMPS_ASK_PAGE` is served. */
export const LEG_CRAMPS_ASK_PATH = '/articles/leg-cramps/ask/';

/**
 * The ask page of an article `leg-cramps` that takes questions and has no comments yet, as the site
 * writes it (its form region and question context) in a bare page.
 */
export const LEG_CRAMPS_ASK_PAGE = (() => {
  const { formRegionHtml, contextHtml } = askPageData({
    article: { slug: 'leg-cramps', title: 'Leg cramps', takesQuestions: true },
    commentPages: [
      {
        number: 1,
        total: 1,
        items: [],
        hrefs: ['/articles/leg-cramps/'],
        firstPosition: 0,
        lastPosition: 0,
        itemCount: 0,
      },
    ],
    paths: {
      articlePath: '/articles/leg-cramps/',
      action: '/api/questions',
      guidelinesPath: '/community-guidelines/',
      privacyPath: '/privacy/',
    },
    locale: 'en-GB',
  });
  return `<!doctype html><html><head><title>Ask</title></head><body>${formRegionHtml}${contextHtml}</body></html>`;
})();
