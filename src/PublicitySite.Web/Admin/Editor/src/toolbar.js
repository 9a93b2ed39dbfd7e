// The toolbar: one row of Chinese-labelled buttons grouped like a word processor's. It is a single tab stop
// (roving tabindex): arrow keys move between buttons, Home/End jump, Escape returns to the text.

const ICON = {
  h2: '标题1', h3: '标题2', h4: '标题3', p: '正文段落',
  bold: 'B', italic: 'I', underline: 'U',
  left: '左', center: '中', right: '右', justify: '齐',
  indent: '缩进', ol: '编号', ul: '•', quote: '“”',
  table: '表格', rowAdd: '+行', rowDel: '−行', colAdd: '+列', colDel: '−列', merge: '合并', split: '拆分', tableDel: '删除表格',
  link: '链接', image: '图片', upload: '上传', attachment: '附件', figure: '图片设置', hr: '—',
  undo: '↶', redo: '↷', clear: '清除格式', full: '全屏',
};

export function buildToolbar(editor, actions) {
  const bar = document.createElement('div');
  bar.className = 're-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', '格式工具栏');
  const buttons = [];
  const chain = () => editor.chain().focus();
  const inTable = () => editor.isActive('table');

  const groups = [
    [
      ['h2', '标题1', 'Ctrl+Alt+1', () => chain().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })],
      ['h3', '标题2', 'Ctrl+Alt+2', () => chain().toggleHeading({ level: 3 }).run(), () => editor.isActive('heading', { level: 3 })],
      ['h4', '标题3', 'Ctrl+Alt+3', () => chain().toggleHeading({ level: 4 }).run(), () => editor.isActive('heading', { level: 4 })],
      ['p', '正文段落', 'Ctrl+Alt+0', () => chain().setParagraph().run(), () => editor.isActive('paragraph')],
    ],
    [
      ['bold', '加粗', 'Ctrl+B', () => chain().toggleBold().run(), () => editor.isActive('bold')],
      ['italic', '斜体', 'Ctrl+I', () => chain().toggleItalic().run(), () => editor.isActive('italic')],
      ['underline', '下划线', 'Ctrl+U', () => chain().toggleUnderline().run(), () => editor.isActive('underline')],
    ],
    [
      ['left', '左对齐', 'Ctrl+Shift+L', () => chain().setAlign('left').run(), () => !hasAlign(editor)],
      ['center', '居中', 'Ctrl+Shift+E', () => chain().setAlign('center').run(), () => hasAlign(editor, 'center')],
      ['right', '右对齐', 'Ctrl+Shift+R', () => chain().setAlign('right').run(), () => hasAlign(editor, 'right')],
      ['justify', '两端对齐', 'Ctrl+Shift+J', () => chain().setAlign('justify').run(), () => hasAlign(editor, 'justify')],
      ['indent', '首行缩进二字符', 'Ctrl+Shift+I', () => chain().toggleIndent().run(), () => !!editor.getAttributes('paragraph').indent],
    ],
    [
      ['ol', '编号列表', 'Ctrl+Shift+7', () => chain().toggleOrderedList().run(), () => editor.isActive('orderedList')],
      ['ul', '无序列表', 'Ctrl+Shift+8', () => chain().toggleBulletList().run(), () => editor.isActive('bulletList')],
      ['quote', '引用', 'Ctrl+Shift+B', () => chain().toggleBlockquote().run(), () => editor.isActive('blockquote')],
    ],
    [
      ['table', '插入表格（3行3列，首行为表头）', '', () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()],
      ['rowAdd', '在下方插入行', '', () => chain().addRowAfter().run(), null, inTable],
      ['rowDel', '删除行', '', () => chain().deleteRow().run(), null, inTable],
      ['colAdd', '在右侧插入列', '', () => chain().addColumnAfter().run(), null, inTable],
      ['colDel', '删除列', '', () => chain().deleteColumn().run(), null, inTable],
      ['merge', '合并单元格', '', () => chain().mergeCells().run(), null, () => editor.can().mergeCells()],
      ['split', '拆分单元格', '', () => chain().splitCell().run(), null, () => editor.can().splitCell()],
      ['tableDel', '删除表格', '', () => chain().deleteTable().run(), null, inTable],
    ],
    [
      ['link', '链接', 'Ctrl+K', actions.link, () => editor.isActive('link')],
      ['image', '图片（从媒体库选择）', '', actions.image],
      ['upload', '上传图片', '', actions.upload],
      ['figure', '图片设置（替代文字、说明、宽度）', 'Enter', actions.figure, null, () => !!(editor.state.selection.node && editor.state.selection.node.type.name === 'figure')],
      ['attachment', '附件（媒体库中的文件）', '', actions.attachment],
      ['hr', '分隔线', '', () => chain().setHorizontalRule().run()],
    ],
    [
      ['undo', '撤销', 'Ctrl+Z', () => chain().undo().run(), null, () => editor.can().undo()],
      ['redo', '重做', 'Ctrl+Y', () => chain().redo().run(), null, () => editor.can().redo()],
      ['clear', '清除格式', '', () => chain().unsetAllMarks().clearNodes().setAlign('left').run()],
      ['full', '全屏', 'Esc 退出', null, null, null, true],
    ],
  ];

  groups.forEach((group) => {
    const g = document.createElement('span');
    g.className = 're-group';
    g.setAttribute('role', 'group');
    group.forEach(([key, label, keys, run, active, enabled, toggle]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 're-btn re-' + key;
      b.textContent = ICON[key];
      b.title = keys ? label + '（' + keys + '）' : label;
      // Buttons whose text is their name need no aria-label (it would also make 标题1 a label of the page).
      if (ICON[key] !== label) b.setAttribute('aria-label', label);
      if (keys && keys.startsWith('Ctrl')) b.setAttribute('aria-keyshortcuts', keys.replace(/Ctrl/g, 'Control'));
      b.tabIndex = buttons.length === 0 ? 0 : -1;
      if (active || toggle) b.setAttribute('aria-pressed', 'false');
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', () => {
        if (toggle) b.setAttribute('aria-pressed', String(actions.fullscreen()));
        else run();
        refresh();
      });
      b.dataset.key = key;
      buttons.push({ b, active, enabled });
      g.appendChild(b);
    });
    bar.appendChild(g);
  });

  bar.addEventListener('keydown', (event) => {
    const list = buttons.map((x) => x.b).filter((b) => !b.disabled);
    const index = list.indexOf(document.activeElement);
    let next = null;
    if (event.key === 'ArrowRight') next = list[(index + 1) % list.length];
    else if (event.key === 'ArrowLeft') next = list[(index - 1 + list.length) % list.length];
    else if (event.key === 'Home') next = list[0];
    else if (event.key === 'End') next = list[list.length - 1];
    else if (event.key === 'Escape') { event.preventDefault(); editor.commands.focus(); return; }
    if (next) {
      event.preventDefault();
      buttons.forEach((x) => { x.b.tabIndex = -1; });
      next.tabIndex = 0;
      next.focus();
    }
  });

  function refresh() {
    buttons.forEach(({ b, active, enabled }) => {
      if (active) b.setAttribute('aria-pressed', String(!!active()));
      if (enabled) b.disabled = !enabled();
    });
    if (!buttons.some((x) => x.b.tabIndex === 0 && !x.b.disabled)) {
      const first = buttons.find((x) => !x.b.disabled);
      if (first) first.b.tabIndex = 0;
    }
  }
  editor.on('selectionUpdate', refresh);
  editor.on('transaction', refresh);
  refresh();
  return bar;
}

function hasAlign(editor, align) {
  const a = editor.getAttributes('paragraph').align || editor.getAttributes('heading').align || editor.getAttributes('tableCell').align || null;
  return align ? a === align : !!a;
}
