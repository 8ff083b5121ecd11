/**
 * Runs on the editor's page only (`/admin/`), after Decap CMS: adds the site's components to the block
 * menu of the text editor, and before each save leaves out the fields the editor emptied and refuses
 * fields the content check would refuse, in its words. Readers never load it.
 */
import { EDITOR_BLOCKS } from '@/lib/editor/components';
import { emptyValuePaths } from '@/lib/editor/empty-values';
import { entryProblems, newEntrySlug } from '@/lib/editor/entry-check';

/** The parts of Decap's Immutable.js maps this script uses. */
interface ImmutableMap {
  get(key: string): unknown;
  deleteIn(path: (string | number)[]): ImmutableMap;
  toJS(): Record<string, unknown>;
}

interface DecapCms {
  registerEditorComponent: (component: Record<string, unknown>) => void;
  registerEventListener: (listener: {
    name: 'preSave';
    handler: (event: { entry: ImmutableMap }) => ImmutableMap | Promise<ImmutableMap>;
  }) => void;
}

const cms = (window as unknown as { CMS: DecapCms }).CMS;
const contentFolder =
  document.querySelector<HTMLMetaElement>('meta[name="health-site:content-folder"]')?.content ?? 'content';

for (const { id, label, fields, pattern, fromBlock, toBlock, toPreview } of EDITOR_BLOCKS) {
  cms.registerEditorComponent({ id, label, fields, pattern, fromBlock, toBlock, toPreview });
}

cms.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    let data = entry.get('data') as ImmutableMap;
    for (const path of emptyValuePaths(data.toJS())) data = data.deleteIn(path);
    const fields = data.toJS();
    const slug = (entry.get('slug') as string | undefined) || newEntrySlug(fields.title ?? fields.name);
    const problems = entryProblems(String(entry.get('collection')), slug, fields, contentFolder);
    if (problems.length > 0) {
      throw new Error(`Not saved, because npm run check:content would refuse it:\n${problems.join('\n')}`);
    }
    return data;
  },
});
