import { defineHastPlugin } from 'satteri';

/**
 * GitHub-flavoured task lists render bare checkboxes, which screen readers announce as unlabelled
 * form fields. Name each checkbox after its item's text.
 */
export const taskListLabels = defineHastPlugin({
  name: 'task-list-labels',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties?.type !== 'checkbox') return;
      const item = ctx.parent(node);
      const label = ctx.textContent(item).trim();
      if (label) ctx.setProperty(node, 'ariaLabel', label);
    },
  },
});

/** Code blocks scroll sideways on narrow screens: keyboard users must be able to focus them to scroll. */
export const focusableCodeBlocks = defineHastPlugin({
  name: 'focusable-code-blocks',
  element: {
    filter: ['pre'],
    visit(node, ctx) {
      ctx.setProperty(node, 'tabIndex', 0);
    },
  },
});
