// Media fields of the content editor (a cover, a photo, a PDF): choose from the library in a picker window,
// upload a new file through the library's endpoint, or remove. Without this script the field is a plain
// input for the library id, so the editor still works; the server checks whatever arrives.
(function () {
  'use strict';
  var waiting = null; // the field whose picker window is open

  function status(field, message) {
    field.querySelector('[data-media-status]').textContent = message || '';
  }

  function showPreview(field, item) {
    var preview = field.querySelector('[data-preview]');
    preview.textContent = '';
    if (!item) {
      var none = document.createElement('span');
      none.className = 'muted';
      none.textContent = field.dataset.accept === 'image' ? '尚未选择图片' : '尚未选择文件';
      preview.appendChild(none);
      return;
    }
    if (item.kind === 'image') {
      var img = document.createElement('img');
      img.src = item.thumb || item.url;
      img.alt = item.alt || '';
      img.setAttribute('data-thumb', '');
      preview.appendChild(img);
    } else {
      var link = document.createElement('a');
      link.href = item.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = item.fileName || item.id;
      preview.appendChild(link);
    }
  }

  function kindFits(field, kind) {
    return (field.dataset.accept === 'image') === (kind === 'image');
  }

  function use(field, item) {
    if (!kindFits(field, item.kind)) {
      status(field, field.dataset.label + '：' + (field.dataset.accept === 'image' ? '请选择图片文件' : '请选择文档（PDF、Word 或 Excel）'));
      return;
    }
    field.querySelector('[data-media-input]').value = item.id;
    showPreview(field, item);
    status(field, '已选用，保存草稿后生效');
  }

  // The picker posts only the stable address; the thumbnail variant comes from the item's detail.
  function withThumb(item) {
    if (item.kind !== 'image' || !window.fetch) { return Promise.resolve(item); }
    return fetch('/api/media/' + encodeURIComponent(item.id), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (detail) {
        if (detail && detail.variants && detail.variants.thumb) { item.thumb = detail.variants.thumb.jpeg; }
        if (detail && detail.fileName) { item.fileName = detail.fileName; }
        return item;
      })
      .catch(function () { return item; });
  }

  function problemText(xhr) {
    if (xhr.status === 401) { return '登录已失效，请重新登录后再试'; }
    if (xhr.status === 403) { return '当前账号没有上传权限'; }
    try {
      var body = JSON.parse(xhr.responseText);
      return (body.title || '上传未成功') + (body.detail ? '：' + body.detail : '');
    } catch (e) {
      return '上传未成功，请稍后再试';
    }
  }

  function upload(field) {
    var file = field.querySelector('[data-upload-file]').files[0];
    var alt = field.querySelector('[data-upload-alt]');
    if (!file) { status(field, '请先选择要上传的文件'); return; }
    if (alt && !alt.value.trim()) { status(field, '请填写替代文字'); alt.focus(); return; }
    var data = new FormData();
    data.append('file', file);
    data.append('alt', alt ? alt.value.trim() : '');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.withCredentials = true;
    xhr.addEventListener('load', function () {
      if (xhr.status < 200 || xhr.status >= 300) { status(field, problemText(xhr)); return; }
      var item = JSON.parse(xhr.responseText);
      var kind = file.type.indexOf('image/') === 0 ? 'image' : 'document';
      use(field, { id: item.id, url: item.url, kind: kind, alt: alt ? alt.value : '', fileName: file.name, thumb: item.variants && item.variants.thumb ? item.variants.thumb.jpeg : null });
      field.querySelector('[data-upload]').hidden = true;
      field.querySelector('[data-upload-toggle]').setAttribute('aria-expanded', 'false');
    });
    xhr.addEventListener('error', function () { status(field, '网络中断，文件未上传'); });
    status(field, '上传中…');
    xhr.send(data);
  }

  function init(field) {
    field.querySelector('[data-media-buttons]').hidden = false;
    field.querySelector('[data-pick]').addEventListener('click', function () {
      waiting = field;
      var kind = field.dataset.accept === 'image' ? 'image' : 'document';
      var popup = window.open('/admin/media?picker=1&kind=' + kind, 'media-picker', 'width=1100,height=800');
      if (!popup) { status(field, '浏览器阻止了弹出窗口，请允许本站弹出窗口，或在媒体库中复制编号后填入'); }
    });
    field.querySelector('[data-remove]').addEventListener('click', function () {
      field.querySelector('[data-media-input]').value = '';
      showPreview(field, null);
      status(field, '已移除，保存草稿后生效');
    });
    var toggle = field.querySelector('[data-upload-toggle]');
    toggle.addEventListener('click', function () {
      var panel = field.querySelector('[data-upload]');
      panel.hidden = !panel.hidden;
      toggle.setAttribute('aria-expanded', String(!panel.hidden));
    });
    field.querySelector('[data-upload-send]').addEventListener('click', function () { upload(field); });
  }

  window.addEventListener('message', function (event) {
    // Only the library page of this site may fill a field, and only one that asked for it.
    var data = event.data;
    if (event.origin !== location.origin || !data || data.type !== 'media-picked' || !waiting) { return; }
    var field = waiting;
    waiting = null;
    withThumb({ id: data.id, url: data.stable || data.url, alt: data.alt, kind: data.kind }).then(function (item) { use(field, item); });
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-media-field]'), init);
  });
}());
