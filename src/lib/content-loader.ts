/**
 * The loader of every content collection: Astro's glob loader, reading each file as the content check
 * reads it (`lib/content-files`): the same text (a byte-order mark dropped), the same YAML
 * (`title: 2024-01-01` is the text "2024-01-01", not a date) and the same JSON, so the build accepts
 * exactly what the check passed.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { glob, type Loader, type LoaderContext } from 'astro/loaders';

import { readEntriesAsTheCheckDoes, type EntryType } from '@/lib/content-files';

/**
 * The context Astro gives a loader, with the entry types (by file extension) that the glob loader reads
 * files with: Astro passes them to every loader, but its public type does not list them.
 */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

export function contentGlob(options: Parameters<typeof glob>[0]): Loader {
  const loader = glob(options);
  return {
    ...loader,
    load: (context) => {
      const { entryTypes, config } = context as GlobLoaderContext;
      if (!(entryTypes instanceof Map)) {
        throw new Error('Astro no longer gives loaders its entry types: update src/lib/content-loader.ts.');
      }
      const file = (fileUrl: URL) => relative(fileURLToPath(config.root), fileURLToPath(fileUrl));
      return loader.load({ ...context, entryTypes: readEntriesAsTheCheckDoes(entryTypes, file) } as LoaderContext);
    },
  };
}
