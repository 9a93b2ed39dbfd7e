// The media library page: search the library, upload by drag-and-drop with progress, edit, replace, delete
// (refused while content uses a file), and in picker mode hand the chosen file to the content editor.
(function () {
  'use strict';
  var picker = new URLSearchParams(location.search).get('picker') === '1';
  var state = { page: 1, pageSize: 40, total: 0, current: null, queue: [] };
  var $ = function (id) { return document.getElementById(id); };

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  function problemText(raw, status) {
    if (status === 401) { return '登录已失效，请重新登录后再试'; }
    if (status === 403) { return '当前账号没有此项权限'; }
    try {
      var body = typeof raw === 'string' ? JSON.parse(raw) : raw;
      return (body.title || '操作未成功') + (body.detail ? '：' + body.detail : '');
    } catch (e) {
      return '操作未成功，请稍后再试';
    }
  }

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 204) { return null; }
      return response.text().then(function (raw) {
        if (!response.ok) { throw new Error(problemText(raw, response.status)); }
        return JSON.parse(raw);
      });
    });
  }

  function tagsOf(value) {
    return value.split(/[,，、]/).map(function (t) { return t.trim(); }).filter(Boolean);
  }

  // --- library grid ---------------------------------------------------------------------------------
  function search() {
    var form = $('search');
    var query = new URLSearchParams();
    ['q', 'folder', 'tag', 'kind'].forEach(function (name) {
      if (form.elements[name].value) { query.set(name, form.elements[name].value); }
    });
    query.set('page', state.page);
    query.set('pageSize', state.pageSize);
    $('status').textContent = '正在检索…';
    return api('GET', '/api/media?' + query).then(function (result) {
      state.total = result.total;
      renderGrid(result.items);
      var pages = Math.max(1, Math.ceil(result.total / state.pageSize));
      $('page').textContent = '第 ' + state.page + ' / ' + pages + ' 页';
      $('prev').disabled = state.page <= 1;
      $('next').disabled = state.page >= pages;
      $('status').textContent = '共 ' + result.total + ' 个文件';
    }).catch(function (e) { $('status').textContent = e.message; });
  }

  function renderGrid(items) {
    var grid = $('grid');
    grid.textContent = '';
    items.forEach(function (item) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      if (item.kind === 'image') {
        var img = document.createElement('img');
        img.src = item.variants.thumb ? item.variants.thumb.jpeg : item.url;
        img.alt = item.alt;
        img.loading = 'lazy';
        button.appendChild(img);
      } else {
        // The badge names the file's kind: PDF, DOC, XLSX… read from the stored name's extension.
        button.appendChild(text('span', (item.fileName.split('.').pop() || 'PDF').toUpperCase(), 'doc'));
      }
      button.appendChild(text('span', item.fileName));
      button.appendChild(text('span', item.alt || item.caption || ''));
      button.addEventListener('click', function () { openDetail(item.id); });
      li.appendChild(button);
      grid.appendChild(li);
    });
  }

  // --- detail, edit, replace, delete, pick ------------------------------------------------------------
  function openDetail(id) {
    return api('GET', '/api/media/' + id).then(function (item) {
      state.current = item;
      $('detail').hidden = false;
      var preview = $('preview');
      preview.textContent = '';
      if (item.kind === 'image') {
        var img = document.createElement('img');
        img.src = item.variants.card ? item.variants.card.jpeg : item.url;
        img.alt = item.alt;
        preview.appendChild(img);
      } else {
        var link = text('a', item.fileName);
        link.href = item.url;
        preview.appendChild(link);
      }
      var form = $('edit');
      ['alt', 'caption', 'credit', 'folder'].forEach(function (name) { form.elements[name].value = item[name] || ''; });
      form.elements.tags.value = (item.tags || []).join('，');
      form.elements.focalX.value = item.focalX;
      form.elements.focalY.value = item.focalY;
      $('pick').hidden = !picker;
      renderUsage(item.usedBy || []);
      $('detail-status').textContent = '';
      $('detail-title').focus();
    }).catch(function (e) { $('status').textContent = e.message; });
  }

  function renderUsage(usages) {
    var list = $('usage');
    list.textContent = '';
    if (usages.length === 0) {
      list.appendChild(text('li', '暂无内容使用此文件'));
      return;
    }
    usages.forEach(function (u) {
      var li = document.createElement('li');
      // A proposal's reply is named by its number and 案由, so the office knows which record holds the file.
      var label = u.number ? '提案' + u.number + '“' + u.title + '”的答复' : u.title;
      if (u.path) {
        var a = text('a', label);
        a.href = '/' + u.path;
        li.appendChild(a);
      } else {
        li.appendChild(text('span', label));
      }
      li.appendChild(text('span', u.published ? '（已发布）' : '（未发布）', 'note'));
      list.appendChild(li);
    });
  }

  function saveDetail(event) {
    event.preventDefault();
    var form = $('edit');
    var body = {
      alt: form.elements.alt.value,
      caption: form.elements.caption.value,
      credit: form.elements.credit.value,
      folder: form.elements.folder.value,
      tags: tagsOf(form.elements.tags.value),
      focalX: parseFloat(form.elements.focalX.value),
      focalY: parseFloat(form.elements.focalY.value)
    };
    api('PUT', '/api/media/' + state.current.id, body)
      .then(function () { $('detail-status').textContent = '已保存'; search(); })
      .catch(function (e) { $('detail-status').textContent = e.message; });
  }

  function deleteCurrent() {
    if (!window.confirm('确定删除“' + state.current.fileName + '”吗？删除后不可恢复。')) { return; }
    fetch('/api/media/' + state.current.id, { method: 'DELETE', credentials: 'same-origin' }).then(function (response) {
      if (response.status === 204) {
        $('detail').hidden = true;
        $('status').textContent = '已删除';
        return search();
      }
      return response.text().then(function (raw) {
        $('detail-status').textContent = problemText(raw, response.status);
        var problem = null;
        try { problem = JSON.parse(raw); } catch (e) { problem = null; }
        if (problem && problem.usedBy) { renderUsage(problem.usedBy); }
      });
    }).catch(function () { $('detail-status').textContent = '网络中断，请稍后再试'; });
  }

  function replaceCurrent() {
    var file = $('replace').files[0];
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    send('/api/media/' + state.current.id + '/replace', data, null, function (ok, detail) {
      $('detail-status').textContent = ok ? '已替换，地址已更新' : detail;
      if (ok) { openDetail(state.current.id); search(); }
    });
  }

  function pickCurrent() {
    var item = state.current;
    var message = { type: 'media-picked', id: item.id, url: item.url, stable: item.stable, alt: item.alt, kind: item.kind, fileName: item.fileName };
    (window.opener || window.parent).postMessage(message, location.origin);
    if (window.opener) { window.close(); }
  }

  // --- upload queue with progress --------------------------------------------------------------------
  function addFiles(files) {
    Array.prototype.forEach.call(files, function (file) {
      var li = document.createElement('li');
      li.appendChild(text('span', file.name + '（' + Math.ceil(file.size / 1024) + ' KB）'));
      var label = text('label', ' 替代文字 ');
      var alt = document.createElement('input');
      alt.maxLength = 300;
      alt.required = file.type.indexOf('image/') === 0;
      label.appendChild(alt);
      li.appendChild(label);
      var progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      li.appendChild(progress);
      var result = text('span', '', 'note');
      result.setAttribute('role', 'status');
      li.appendChild(result);
      $('queue').appendChild(li);
      state.queue.push({ file: file, alt: alt, progress: progress, result: result, done: false });
    });
    $('queue-form').hidden = state.queue.length === 0;
  }

  function send(url, data, progress, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    if (progress) {
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); }
      });
    }
    xhr.addEventListener('load', function () {
      var ok = xhr.status >= 200 && xhr.status < 300;
      done(ok, ok ? '' : problemText(xhr.responseText, xhr.status));
    });
    xhr.addEventListener('error', function () { done(false, '网络中断，文件未上传'); });
    xhr.send(data);
  }

  function uploadQueue(event) {
    event.preventDefault();
    var form = $('queue-form');
    state.queue.filter(function (entry) { return !entry.done; }).forEach(function (entry) {
      var data = new FormData();
      data.append('file', entry.file);
      data.append('alt', entry.alt.value);
      data.append('folder', form.elements.folder.value);
      data.append('tags', form.elements.tags.value);
      entry.result.textContent = '上传中…';
      send('/api/media', data, entry.progress, function (ok, detail) {
        entry.done = ok;
        entry.result.textContent = ok ? '已上传' : detail;
        entry.result.className = ok ? 'note' : 'error';
        if (ok) { entry.progress.value = 100; search(); }
      });
    });
  }

  function init() {
    $('picker-note').hidden = !picker;
    // The editor asks for the kind its field takes (a cover wants images), so the grid starts filtered.
    var kind = new URLSearchParams(location.search).get('kind');
    if (kind === 'image' || kind === 'document') { $('search').elements.kind.value = kind; }
    $('detail-title').tabIndex = -1;
    var drop = $('drop');
    ['dragenter', 'dragover'].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) { e.preventDefault(); addFiles(e.dataTransfer.files); });
    drop.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('files').click(); } });
    $('files').addEventListener('change', function () { addFiles(this.files); this.value = ''; });
    $('queue-form').addEventListener('submit', uploadQueue);
    $('search').addEventListener('submit', function (e) { e.preventDefault(); state.page = 1; search(); });
    $('prev').addEventListener('click', function () { state.page -= 1; search(); });
    $('next').addEventListener('click', function () { state.page += 1; search(); });
    $('edit').addEventListener('submit', saveDetail);
    $('delete').addEventListener('click', deleteCurrent);
    $('replace').addEventListener('change', replaceCurrent);
    $('pick').addEventListener('click', pickCurrent);
    search();
  }

  document.addEventListener('DOMContentLoaded', init);
}());
