// What a Word import's footnotes need to survive editing: superscript and subscript, and the fn/fnref ids
// that tie a reference ([1]) to its note. Only ids of that form are kept, as on the server's allow-list.
import { Extension, Mark } from '@tiptap/core';

const NOTE_ID = /^fn(?:ref)?-?[0-9]{1,4}$/;

export const Superscript = Mark.create({
  name: 'superscript',
  excludes: 'subscript',
  parseHTML: () => [{ tag: 'sup' }],
  renderHTML: () => ['sup', 0],
});

export const Subscript = Mark.create({
  name: 'subscript',
  excludes: 'superscript',
  parseHTML: () => [{ tag: 'sub' }],
  renderHTML: () => ['sub', 0],
});

export const NoteIds = Extension.create({
  name: 'noteIds',
  addGlobalAttributes() {
    return [{
      types: ['link', 'listItem'],
      attributes: {
        id: {
          default: null,
          parseHTML: (el) => (NOTE_ID.test(el.id || '') ? el.id : null),
          renderHTML: (attrs) => (attrs.id ? { id: attrs.id } : {}),
        },
      },
    }];
  },
});
