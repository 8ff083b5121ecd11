declare namespace App {
  interface Locals {
    /** Citation ids handed out so far on the page being rendered: see components/editorial/Cite.astro. */
    citations?: import('@/lib/editorial/references').CitationCounter;
  }
}
