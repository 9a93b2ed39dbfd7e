// A picture from the media library inside the text: <figure class="image size-medium"><img src="/media/{id}"
// alt="…"><figcaption>…</figcaption></figure>. Alt text and caption are attributes edited in a dialog, so the
// figure moves, copies and deletes as one piece. A pasted or dropped picture not yet in the library carries
// its bytes as a data: address and `pending`, until the uploader replaces it.
import { Node, mergeAttributes } from '@tiptap/core';

export const SIZES = [
  ['full', '原图'],
  ['large', '大'],
  ['medium', '中'],
  ['small', '小'],
];

function sizeOf(element) {
  const figure = element.closest ? element.closest('figure') || element : element;
  for (const [key] of SIZES) {
    if (figure.classList && figure.classList.contains('size-' + key)) return key;
  }
  return 'large';
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
      caption: { default: '' },
      size: { default: 'large' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => {
          const img = el.querySelector('img');
          if (!img) return false;
          const caption = el.querySelector('figcaption');
          return { src: img.getAttribute('src'), alt: img.getAttribute('alt') || '', caption: caption ? caption.textContent.trim() : '', size: sizeOf(el) };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (el) => ({ src: el.getAttribute('src'), alt: el.getAttribute('alt') || '', caption: '', size: 'large' }),
      },
    ];
  },
  renderHTML({ node }) {
    const figure = ['figure', { class: 'image size-' + (node.attrs.size || 'large') }, ['img', mergeAttributes({ src: node.attrs.src, alt: node.attrs.alt || '' })]];
    if (node.attrs.caption) figure.push(['figcaption', {}, node.attrs.caption]);
    return figure;
  },
  addNodeView() {
    return ({ node, editor, getPos }) => {
      const dom = document.createElement('figure');
      const img = document.createElement('img');
      const caption = document.createElement('figcaption');
      const warn = document.createElement('span');
      warn.className = 're-figure-warn';
      dom.append(img, caption, warn);
      dom.tabIndex = -1;
      function paint(n) {
        dom.className = 'image size-' + (n.attrs.size || 'large') + (n.attrs.alt ? '' : ' re-missing-alt');
        img.src = n.attrs.src || '';
        img.alt = n.attrs.alt || '';
        caption.textContent = n.attrs.caption || '';
        caption.hidden = !n.attrs.caption;
        const pending = (n.attrs.src || '').startsWith('data:');
        warn.textContent = pending ? '待上传：请双击填写替代文字后上传' : n.attrs.alt ? '' : '缺少替代文字，双击补充';
        warn.hidden = !warn.textContent;
      }
      paint(node);
      dom.addEventListener('dblclick', () => {
        if (typeof getPos === 'function') {
          editor.commands.setNodeSelection(getPos());
          dom.dispatchEvent(new CustomEvent('re-edit-figure', { bubbles: true }));
        }
      });
      return {
        dom,
        update(updated) {
          if (updated.type.name !== 'figure') return false;
          paint(updated);
          return true;
        },
      };
    };
  },
});
