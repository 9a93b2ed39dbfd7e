// Client-side cleaning of HTML pasted from Word, WPS or a web page, before the editor's schema reads it. The
// schema keeps only what it knows (headings, bold, lists, tables, links, figures); this step turns Word's list
// paragraphs into real lists and removes what would otherwise leak in as text (conditional comments, <o:p>,
// style sheets, list bullets typed as characters). The server cleans again on save.

const ORDERED = /^[(（]?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|[一二三四五六七八九十百]+)[.)．、）]?$/;

export function isOfficeHtml(html) {
  return /urn:schemas-microsoft-com|mso-|class="?Mso|<o:p|ProgId|kingsoft|wps/i.test(html);
}

export function cleanPastedHtml(html) {
  html = html
    .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<\/?[vwm]:[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('style, script, meta, link, title, xml, template, noscript').forEach((n) => n.remove());
  buildLists(doc);
  // Local file pictures (file:///C:/…) cannot be read by the page; they are reported, not kept.
  doc.querySelectorAll('img').forEach((img) => {
    const src = img.getAttribute('src') || '';
    if (!/^(data:image\/|\/media\/)/i.test(src)) img.remove();
  });
  doc.querySelectorAll('[style]').forEach((el) => {
    const s = el.style;
    const keep = [];
    if (s.textAlign && s.textAlign !== 'left' && s.textAlign !== 'start') keep.push('text-align:' + s.textAlign);
    if (el.tagName === 'P' && s.textIndent && parseFloat(s.textIndent) > 0) keep.push('text-indent:2em');
    if (el.tagName === 'SPAN' || el.tagName === 'FONT') {
      if (/bold|[6-9]00/.test(s.fontWeight)) keep.push('font-weight:bold');
      if (s.fontStyle === 'italic') keep.push('font-style:italic');
      if (/underline/.test(s.textDecoration || s.textDecorationLine || '')) keep.push('text-decoration:underline');
    }
    if (keep.length) el.setAttribute('style', keep.join(';'));
    else el.removeAttribute('style');
  });
  doc.querySelectorAll('font').forEach((f) => f.replaceWith(...f.childNodes));
  // 标题1–3 are h2–h4 here (the article's title is the page's h1): a pasted h1 is a 标题1.
  doc.querySelectorAll('h1, h5, h6').forEach((h) => {
    const heading = doc.createElement(h.tagName === 'H1' ? 'h2' : 'h4');
    heading.append(...h.childNodes);
    if (h.getAttribute('style')) heading.setAttribute('style', h.getAttribute('style'));
    h.replaceWith(heading);
  });
  doc.querySelectorAll('p, h1, h2, h3, h4, h5, h6').forEach((p) => {
    if (!p.textContent.trim() && !p.querySelector('img')) p.remove();
  });
  return doc.body.innerHTML;
}

function buildLists(doc) {
  const items = Array.from(doc.querySelectorAll('p')).filter((p) => /mso-list:\s*l\d+\s+level\d+/i.test(p.getAttribute('style') || '') || /MsoListParagraph/.test(p.className));
  let stack = [];
  for (const p of items) {
    const m = /mso-list:\s*l\d+\s+level(\d+)/i.exec(p.getAttribute('style') || '');
    const level = Math.min(Math.max(m ? parseInt(m[1], 10) : 1, 1), 6);
    const bullet = Array.from(p.querySelectorAll('span')).find((s) => /mso-list:\s*Ignore/i.test(s.getAttribute('style') || ''));
    const marker = bullet ? bullet.textContent.trim() : '';
    if (bullet) bullet.remove();
    const ordered = ORDERED.test(marker);
    let prev = p.previousSibling;
    while (prev && prev.nodeType === 3 && !prev.textContent.trim()) prev = prev.previousSibling;
    if (!stack.length || prev !== stack[0]) stack = [];
    while (stack.length > level) stack.pop();
    while (stack.length < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      if (!stack.length) p.parentNode.insertBefore(list, p);
      else {
        const top = stack[stack.length - 1];
        (top.lastElementChild || top.appendChild(doc.createElement('li'))).appendChild(list);
      }
      stack.push(list);
    }
    const li = doc.createElement('li');
    while (p.firstChild) li.appendChild(p.firstChild);
    stack[stack.length - 1].appendChild(li);
    p.remove();
  }
}

/** Pasted file pictures of Word (file:///) the page could not read, counted before cleaning. */
export function countLocalImages(html) {
  return (html.match(/<img[^>]+src="?file:/gi) || []).length;
}
