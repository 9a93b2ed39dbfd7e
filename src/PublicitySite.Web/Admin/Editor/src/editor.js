// The admin's rich-text editor. Every <textarea data-rich-editor> becomes a WYSIWYG editor whose HTML is
// written back into the textarea, so the form posts it as before and the page works without this script.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table';
import { BlockFormat } from './blocks.js';
import { Figure, SIZES } from './figure.js';
import { Superscript, Subscript, NoteIds } from './notes.js';
import { cleanPastedHtml, countLocalImages } from './paste.js';
import { buildToolbar } from './toolbar.js';
import { figureDialog, linkDialog } from './dialogs.js';
import { uploadImage, pickFromLibrary } from './media.js';

const Attachment = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      class: { default: null, parseHTML: (el) => (el.classList.contains('attachment') ? 'attachment' : null) },
    };
  },
});

function mount(textarea) {
  const shell = document.createElement('div');
  shell.className = 're-shell';
  const status = document.createElement('p');
  status.className = 're-status';
  status.setAttribute('role', 'status');
  const host = document.createElement('div');
  host.className = 're-host';
  textarea.hidden = true;
  textarea.after(shell);
  const label = textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;

  let editor;
  const say = (message) => { status.textContent = message || ''; };
  const sync = () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
    textarea.dispatchEvent(new Event('input'));
  };

  editor = new Editor({
    element: host,
    content: textarea.value,
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, code: false, codeBlock: false }),
      Attachment.configure({ openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: null, target: null } }),
      Table.configure({ resizable: false, allowTableNodeSelection: true }),
      TableRow,
      TableHeader,
      TableCell,
      BlockFormat,
      Figure,
      Superscript,
      Subscript,
      NoteIds,
    ],
    editorProps: {
      attributes: {
        class: 're-content body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': (label ? label.textContent.trim() : '正文') + '（富文本编辑区，Alt+F10 进入工具栏）',
      },
      transformPastedHTML(html) {
        const lost = countLocalImages(html);
        if (lost) say('有 ' + lost + ' 张图片无法从剪贴板读取，请用“图片”按钮上传');
        return cleanPastedHtml(html);
      },
      handlePaste(view, event) {
        const files = imageFiles(event.clipboardData);
        const html = event.clipboardData && event.clipboardData.getData('text/html');
        if (files.length && !html) {
          files.forEach((file) => insertFile(file));
          return true;
        }
        return false;
      },
      handleDrop(view, event) {
        const files = imageFiles(event.dataTransfer);
        if (!files.length) return false;
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        if (at) editor.commands.setTextSelection(at.pos);
        files.forEach((file) => insertFile(file));
        return true;
      },
    },
    onUpdate: () => { sync(); uploadPending(); },
    onCreate: () => { textarea.dataset.ready = 'true'; },
  });

  function imageFiles(transfer) {
    return transfer && transfer.files ? Array.from(transfer.files).filter((f) => /^image\/(png|jpeg|gif|webp)$/.test(f.type)) : [];
  }

  // A picture from the clipboard or a drop: shown at once from its bytes, uploaded when it has alt text.
  function insertFile(file) {
    const reader = new FileReader();
    reader.onload = () => {
      editor.chain().focus().insertContent({ type: 'figure', attrs: { src: reader.result, alt: '', size: 'large' } }).run();
      say('图片已放入正文，请填写替代文字后上传');
      selectFigure(reader.result);
      editFigure();
    };
    reader.readAsDataURL(file);
  }

  let uploading = false;
  // Pasted pictures that already carry alt text (Word's 可选文字) go to the library without asking.
  function uploadPending() {
    if (uploading) return;
    let target = null;
    editor.state.doc.descendants((node, pos) => {
      if (!target && node.type.name === 'figure' && (node.attrs.src || '').startsWith('data:') && node.attrs.alt) target = { node, pos };
    });
    if (!target) return;
    uploading = true;
    say('正在上传图片…');
    uploadImage(target.node.attrs.src, target.node.attrs.alt).then((item) => {
      uploading = false;
      replaceSrc(target.node.attrs.src, item.url);
      say('图片已上传到媒体库');
    }, (problem) => {
      uploading = false;
      say(problem);
    });
  }

  function replaceSrc(oldSrc, newSrc) {
    const tr = editor.state.tr;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === 'figure' && node.attrs.src === oldSrc) tr.setNodeMarkup(pos, undefined, { ...node.attrs, src: newSrc });
    });
    editor.view.dispatch(tr);
  }

  function selectFigure(src) {
    let found = null;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === 'figure' && node.attrs.src === src) found = pos;
    });
    if (found !== null) editor.commands.setNodeSelection(found);
  }

  function editFigure() {
    const { selection } = editor.state;
    const node = selection.node;
    if (!node || node.type.name !== 'figure') return;
    figureDialog(node.attrs, SIZES).then((attrs) => {
      if (!attrs) { editor.commands.focus(); return; }
      editor.chain().focus().updateAttributes('figure', attrs).run();
    });
  }

  function insertImage() {
    pickFromLibrary('image').then((item) => {
      if (!item) return;
      editor.chain().focus().insertContent({ type: 'figure', attrs: { src: item.url, alt: item.alt || '', size: 'large' } }).run();
      selectFigure(item.url);
      editFigure();
    });
  }

  function uploadFromDisk() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/png,image/jpeg,image/gif,image/webp';
    input.addEventListener('change', () => { if (input.files[0]) insertFile(input.files[0]); });
    input.click();
  }

  function insertAttachment() {
    pickFromLibrary('document').then((item) => {
      if (!item) return;
      const name = item.fileName || '附件';
      editor.chain().focus().insertContent({ type: 'text', text: name, marks: [{ type: 'link', attrs: { href: item.url, class: 'attachment' } }] }).insertContent(' ').run();
    });
  }

  function editLink() {
    const current = editor.getAttributes('link').href || '';
    linkDialog(current).then((href) => {
      if (href === null) { editor.commands.focus(); return; }
      if (!href) editor.chain().focus().extendMarkRange('link').unsetLink().run();
      else if (editor.state.selection.empty && !current) editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
      else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    });
  }

  host.addEventListener('re-edit-figure', editFigure);
  host.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && editor.state.selection.node && editor.state.selection.node.type.name === 'figure') {
      event.preventDefault();
      editFigure();
    }
  });

  const toolbar = buildToolbar(editor, {
    image: insertImage,
    upload: uploadFromDisk,
    attachment: insertAttachment,
    link: editLink,
    figure: editFigure,
    fullscreen: () => {
      const on = shell.classList.toggle('re-fullscreen');
      document.body.classList.toggle('re-no-scroll', on);
      return on;
    },
  });
  shell.append(toolbar, host, status);

  // Alt+F10 moves to the toolbar from the text (the usual editor convention); Escape goes back.
  host.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === 'F10') {
      event.preventDefault();
      toolbar.querySelector('button[tabindex="0"]').focus();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shell.classList.contains('re-fullscreen')) {
      shell.classList.remove('re-fullscreen');
      document.body.classList.remove('re-no-scroll');
    }
  });

  // No save while a picture is still waiting for its alt text or upload: it would be lost.
  const form = textarea.form;
  if (form) {
    form.addEventListener('submit', (event) => {
      sync();
      let pending = 0;
      let missing = 0;
      editor.state.doc.descendants((node) => {
        if (node.type.name !== 'figure') return;
        if ((node.attrs.src || '').startsWith('data:')) pending++;
        else if (!node.attrs.alt) missing++;
      });
      if (pending || missing) {
        event.preventDefault();
        say(pending ? '还有 ' + pending + ' 张图片未上传（双击图片填写替代文字）' : '还有 ' + missing + ' 张图片缺少替代文字（双击图片补充）');
        editor.commands.focus();
      }
    });
  }
  sync();
  textarea.richEditor = editor;
  return editor;
}

function start() {
  const started = performance.now();
  document.querySelectorAll('textarea[data-rich-editor]').forEach(mount);
  window.richEditorReadyMs = Math.round(performance.now() - started);
  window.richEditorReadyAt = Math.round(performance.now());
  document.documentElement.dataset.richEditor = 'ready';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
