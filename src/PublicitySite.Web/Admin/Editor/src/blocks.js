// Alignment and first-line indent as classes (align-center, indent), the only forms the server's allow-list
// keeps. Pasted Word/WPS paragraphs say the same with inline styles, so those are read too.
import { Extension } from '@tiptap/core';

const ALIGNS = ['left', 'center', 'right', 'justify'];

function alignOf(element) {
  for (const a of ALIGNS) {
    if (element.classList.contains('align-' + a)) return a;
  }
  const style = (element.style && element.style.textAlign) || element.getAttribute('align') || '';
  const value = style.toLowerCase();
  if (value === 'middle') return 'center';
  if (value === 'distribute') return 'justify';
  return ALIGNS.includes(value) && value !== 'left' ? value : null;
}

function indentOf(element) {
  if (element.classList.contains('indent')) return true;
  const indent = element.style && element.style.textIndent;
  return !!indent && parseFloat(indent) > 0;
}

export const BlockFormat = Extension.create({
  name: 'blockFormat',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading', 'tableCell', 'tableHeader'],
        attributes: {
          align: {
            default: null,
            parseHTML: alignOf,
            renderHTML: (attrs) => (attrs.align && attrs.align !== 'left' ? { class: 'align-' + attrs.align } : {}),
          },
        },
      },
      {
        types: ['paragraph'],
        attributes: {
          indent: {
            default: false,
            parseHTML: indentOf,
            renderHTML: (attrs) => (attrs.indent ? { class: 'indent' } : {}),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setAlign: (align) => ({ commands }) => {
        const value = align === 'left' ? null : align;
        return ['paragraph', 'heading', 'tableCell', 'tableHeader'].map((t) => commands.updateAttributes(t, { align: value })).some(Boolean);
      },
      toggleIndent: () => ({ editor, commands }) => commands.updateAttributes('paragraph', { indent: !editor.getAttributes('paragraph').indent }),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-l': () => this.editor.commands.setAlign('left'),
      'Mod-Shift-e': () => this.editor.commands.setAlign('center'),
      'Mod-Shift-r': () => this.editor.commands.setAlign('right'),
      'Mod-Shift-j': () => this.editor.commands.setAlign('justify'),
      'Mod-Shift-i': () => this.editor.commands.toggleIndent(),
      // 标题1–3 are h2–h4 on the page (the article title is its h1).
      'Mod-Alt-1': () => this.editor.commands.toggleHeading({ level: 2 }),
      'Mod-Alt-2': () => this.editor.commands.toggleHeading({ level: 3 }),
      'Mod-Alt-3': () => this.editor.commands.toggleHeading({ level: 4 }),
      'Mod-Alt-0': () => this.editor.commands.setParagraph(),
    };
  },
});
