/**
 * Components every article can use in its MDX without importing them, passed to
 * `<Content components={…} />`. Their names are the tags writers type. (Site pages add the owner's
 * placeholder in their own route, so its style stays off article pages.)
 */
import CareCard from '@/components/callouts/CareCard.astro';
import KeyPoints from '@/components/callouts/KeyPoints.astro';
import Warning from '@/components/callouts/Warning.astro';
import Cite from '@/components/editorial/Cite.astro';

/** Health callouts and inline citations. */
export const articleComponents = { CareCard, KeyPoints, Warning, Cite };
