// Small modal dialogs (<dialog>) for a picture's alt text, caption and width, and for a link's address.
// Each resolves with the values, or null when cancelled; focus returns to the editor either way.

function dialog(title, build) {
  return new Promise((resolve) => {
    const d = document.createElement('dialog');
    d.className = 're-dialog';
    d.setAttribute('aria-label', title);
    const form = document.createElement('form');
    form.method = 'dialog';
    const h = document.createElement('h2');
    h.textContent = title;
    form.appendChild(h);
    const read = build(form);
    const error = document.createElement('p');
    error.className = 're-error';
    error.setAttribute('role', 'alert');
    const actions = document.createElement('p');
    actions.className = 're-actions';
    const ok = document.createElement('button');
    ok.type = 'submit';
    ok.className = 'primary';
    ok.textContent = '确定';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = '取消';
    actions.append(ok, cancel);
    form.append(error, actions);
    d.appendChild(form);
    document.body.appendChild(d);
    let result = null;
    form.addEventListener('submit', (e) => {
      const value = read();
      if (value && value.error) {
        e.preventDefault();
        error.textContent = value.error;
        return;
      }
      result = value;
    });
    cancel.addEventListener('click', () => d.close());
    d.addEventListener('close', () => { d.remove(); resolve(result); });
    d.showModal();
  });
}

function field(form, label, value, attrs) {
  const l = document.createElement('label');
  l.textContent = label;
  const input = document.createElement(attrs && attrs.multiline ? 'textarea' : 'input');
  if (!attrs || !attrs.multiline) input.type = 'text';
  input.value = value || '';
  if (attrs && attrs.required) input.setAttribute('aria-required', 'true');
  l.appendChild(input);
  form.appendChild(l);
  return input;
}

export function figureDialog(attrs, sizes) {
  return dialog('图片设置', (form) => {
    const alt = field(form, '替代文字（必填，向读屏软件说明图片内容）', attrs.alt, { required: true });
    const caption = field(form, '图片说明（可选，显示在图片下方）', attrs.caption);
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = '宽度';
    set.appendChild(legend);
    sizes.forEach(([key, label]) => {
      const l = document.createElement('label');
      const r = document.createElement('input');
      r.type = 'radio';
      r.name = 're-size';
      r.value = key;
      r.checked = (attrs.size || 'large') === key;
      l.append(r, ' ' + label);
      set.appendChild(l);
    });
    form.appendChild(set);
    setTimeout(() => alt.focus(), 0);
    return () => {
      if (!alt.value.trim()) return { error: '请填写替代文字' };
      const size = form.querySelector('input[name="re-size"]:checked');
      return { alt: alt.value.trim().slice(0, 300), caption: caption.value.trim().slice(0, 500), size: size ? size.value : 'large' };
    };
  });
}

export function linkDialog(href) {
  return dialog('链接', (form) => {
    const input = field(form, '链接地址（留空即取消链接）', href);
    setTimeout(() => input.focus(), 0);
    return () => {
      const v = input.value.trim();
      if (v && !/^(https?:\/\/|mailto:|\/)/i.test(v)) return { error: '请以 http://、https://、mailto: 或 / 开头' };
      return v;
    };
  });
}
