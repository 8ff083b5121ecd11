/**
 * Whether pages include drafts and scheduled articles, each under a banner saying it is not published:
 * in `npm run dev` only, so that an editor can read an article before it goes out. A build never does.
 */
export const showUnpublished: boolean = import.meta.env.DEV;
