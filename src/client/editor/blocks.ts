/**
 * Runs on the editor's page only (`/admin/`), after Decap CMS: adds the site's components to the block
 * menu of the text editor. Readers never load it.
 */
import { EDITOR_BLOCKS } from '@/lib/editor/components';

interface DecapCms {
  registerEditorComponent: (component: Record<string, unknown>) => void;
}

const cms = (window as unknown as { CMS: DecapCms }).CMS;
for (const { id, label, fields, pattern, fromBlock, toBlock, toPreview } of EDITOR_BLOCKS) {
  cms.registerEditorComponent({ id, label, fields, pattern, fromBlock, toBlock, toPreview });
}
