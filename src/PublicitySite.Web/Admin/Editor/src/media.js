// Talking to the media library: the picker window (the library page in picker mode posts the chosen file
// back) and uploads through /api/media, which checks, re-encodes and stores like every other upload.

let waiting = null;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.origin !== location.origin || !data || data.type !== 'media-picked' || !waiting) return;
  const resolve = waiting;
  waiting = null;
  resolve({ id: data.id, url: data.stable || ('/media/' + data.id), alt: data.alt || '', kind: data.kind, fileName: data.fileName || data.name || '' });
});

export function pickFromLibrary(kind) {
  return new Promise((resolve) => {
    waiting = resolve;
    const popup = window.open('/admin/media?picker=1&kind=' + kind, 'media-picker', 'width=1100,height=800');
    if (!popup) {
      waiting = null;
      alert('浏览器阻止了弹出窗口，请允许本站弹出窗口');
      resolve(null);
    }
  });
}

function problemText(response, body) {
  if (response.status === 401) return '登录已失效，请重新登录后再试';
  if (response.status === 403) return '当前账号没有上传权限';
  return (body && body.title ? body.title : '上传未成功') + (body && body.detail ? '：' + body.detail : '');
}

// Decoded here rather than with fetch(dataUrl): the admin's Content-Security-Policy allows connections to
// the site only, and a data: URL is not the site.
function blobOf(dataUrl) {
  const comma = dataUrl.indexOf(',');
  const head = dataUrl.slice(5, comma);
  const type = head.split(';')[0] || 'application/octet-stream';
  const text = dataUrl.slice(comma + 1);
  if (!head.endsWith(';base64')) return new Blob([decodeURIComponent(text)], { type });
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function uploadImage(dataUrl, alt) {
  return Promise.resolve().then(() => blobOf(dataUrl)).then((blob) => {
    const data = new FormData();
    const ext = (blob.type.split('/')[1] || 'png').replace('jpeg', 'jpg');
    data.append('file', blob, '正文图片.' + ext);
    data.append('alt', alt);
    return fetch('/api/media', { method: 'POST', body: data, credentials: 'same-origin' }).then((response) =>
      response.json().catch(() => null).then((body) => {
        if (!response.ok) throw problemText(response, body);
        return { id: body.id, url: '/media/' + body.id };
      }));
  });
}
