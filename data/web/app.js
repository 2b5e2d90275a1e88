// Nigehbaan review UI: vanilla ES module, no build step, nothing loaded from elsewhere.
// Every piece of case data is put into the page with textContent / attributes, never as HTML.

const REVEAL_MS = 5000;
const PAGE = 60;
const VICS = ['0', '1', '2', '3', '4'];

const state = {
  me: null,
  csrf: '',
  filters: { source: '', type: '', category: '', match: '', label: '' },
  offset: 0,
  total: 0,
  entries: [],
  sel: 0,
  groupMode: false,
  revealTimers: new Map(),
  detail: null,
};

const $ = (id) => document.getElementById(id);

// h('div', {class: 'x', onclick: f}, 'text', child...) — text children become text nodes.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.error)) || `HTTP ${status}`);
    this.status = status;
    this.reason = body && body.error;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const opts = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    opts.headers['Content-Type'] = 'application/json';
    opts.headers['X-CSRF-Token'] = state.csrf;
    opts.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(path, opts);
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (res.status === 401 && path !== '/api/login') { showLogin(); throw new ApiError(401, data); }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

function say(text) { $('status').textContent = text; }

// ---- sign in / out ------------------------------------------------------------------------------

function showLogin() {
  state.me = null;
  $('app-view').hidden = true;
  $('who').hidden = true;
  $('login-view').hidden = false;
  $('login-name').focus();
}

function startSession(me) {
  state.me = me;
  state.csrf = me.csrf_token;
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  $('who').hidden = false;
  $('who-name').textContent = me.user;
  $('who-role').textContent = me.role;
  $('preview-setting').value = (me.settings && me.settings.preview) || 'blurred';
  $('export-box').hidden = me.role !== 'supervisor';
  loadQueue();
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  try {
    const me = await api('/api/login', { method: 'POST', body: { name: $('login-name').value, password: $('login-password').value } });
    $('login-password').value = '';
    startSession(me);
  } catch (e) {
    $('login-error').textContent = e.status === 429 ? 'Too many attempts: wait and try again.' : 'Wrong name or password.';
  }
});

$('logout').addEventListener('click', async () => {
  try { await api('/api/logout', { method: 'POST' }); } catch { /* signed out anyway */ }
  showLogin();
});

$('preview-setting').addEventListener('change', async (ev) => {
  try {
    const s = await api('/api/me/settings', { method: 'POST', body: { preview: ev.target.value } });
    state.me.settings = s;
    renderGrid();
    say(`Previews are now ${s.preview}.`);
  } catch (e) { say(`Setting not saved: ${e.message}`); }
});

$('export-format').addEventListener('change', (ev) => {
  $('export-link').setAttribute('href', `/api/export?format=${encodeURIComponent(ev.target.value)}`);
});

// ---- queue --------------------------------------------------------------------------------------

for (const name of Object.keys(state.filters)) {
  const el = $(`f-${name}`);
  el.addEventListener(el.tagName === 'INPUT' ? 'change' : 'input', () => {
    state.filters[name] = el.value.trim();
    state.offset = 0;
    loadQueue();
  });
}
$('prev-page').addEventListener('click', () => page(-1));
$('next-page').addEventListener('click', () => page(1));

function page(dir) {
  const next = state.offset + dir * PAGE;
  if (next < 0 || next >= state.total) return;
  state.offset = next;
  loadQueue();
}

async function loadQueue(keepSel = false) {
  const q = new URLSearchParams({ offset: state.offset, limit: PAGE });
  for (const [k, v] of Object.entries(state.filters)) if (v) q.set(k, v);
  try {
    const data = await api(`/api/queue?${q}`);
    state.total = data.total;
    state.entries = data.entries;
    if (!keepSel) state.sel = 0;
    state.sel = Math.min(state.sel, Math.max(0, state.entries.length - 1));
    const end = state.offset + state.entries.length;
    $('queue-count').textContent = state.total
      ? `${state.offset + 1}–${end} of ${state.total.toLocaleString('en')} items` : 'Nothing matches these filters.';
    renderGrid();
    if (state.entries.length) showDetail();
  } catch (e) { if (e.status !== 401) say(`Queue: ${e.message}`); }
}

function thumbUrl(id, variant) {
  return variant ? `/api/items/${id}/thumbnail?variant=${variant}` : `/api/items/${id}/thumbnail`;
}

function baseName(path) {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('!'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function tile(e, i) {
  const tags = h('div', { class: 'tags' });
  if (e.tier === 'alert') tags.append(h('span', { class: 'badge alert' }, 'alert'));
  else if (e.tier === 'near') tags.append(h('span', { class: 'badge near' }, 'near match'));
  if (e.type === 'chat') tags.append(h('span', { class: 'badge chat' }, e.labels || 'chat'));
  if (e.group_size > 1) tags.append(h('span', { class: 'badge', title: 'near-duplicate group' }, `group ×${e.group_size}`));
  if (e.decided) tags.append(h('span', { class: 'badge cat' }, e.category === null ? 'uncategorised' : `cat ${e.category}`));
  const thumb = h('div', { class: 'thumb' });
  if (e.type === 'image') {
    thumb.append(h('img', { src: thumbUrl(e.item_id), alt: 'preview', 'data-item': e.item_id, loading: 'lazy', decoding: 'async' }));
  } else {
    thumb.append(h('span', { class: 'kind' }, e.type));
  }
  return h('div', {
    class: `tile${i === state.sel ? ' selected' : ''}`, 'data-index': i, 'data-item': e.item_id, role: 'button',
    onclick: () => select(i, true), ondblclick: () => reveal(i),
  }, thumb, h('div', { class: 'name', title: e.path, dir: 'auto' }, baseName(e.path)), tags);
}

function renderGrid() {
  const grid = $('grid');
  grid.replaceChildren(...state.entries.map(tile));
}

function select(i, fromClick = false) {
  if (i < 0 || i >= state.entries.length) return;
  const tiles = $('grid').children;
  tiles[state.sel]?.classList.remove('selected');
  state.sel = i;
  tiles[i]?.classList.add('selected');
  tiles[i]?.scrollIntoView({ block: 'nearest' });
  if (fromClick && state.entries[i].type === 'image') reveal(i);
  showDetail();
}

// Shows the unblurred preview of one image for REVEAL_MS, then the default again. The server
// records the reveal in the audit log.
function reveal(i) {
  const e = state.entries[i];
  if (!e || e.type !== 'image') return;
  const img = $('grid').children[i]?.querySelector('img');
  if (!img) return;
  clearTimeout(state.revealTimers.get(e.item_id));
  img.src = thumbUrl(e.item_id, 'clear');
  state.revealTimers.set(e.item_id, setTimeout(() => {
    img.src = thumbUrl(e.item_id);
    state.revealTimers.delete(e.item_id);
  }, REVEAL_MS));
}

// ---- decisions ----------------------------------------------------------------------------------

async function decide(category, { group = false, tags, note } = {}) {
  const e = state.entries[state.sel];
  if (!e) return;
  const body = { category };
  const current = state.detail && state.detail.id === e.item_id ? state.detail.decision : null;
  body.tags = tags ?? (current ? current.tags : []);
  body.note = note ?? (current ? current.note : '');
  const label = category === null ? 'uncategorised' : `category ${category}`;
  try {
    if (group) {
      if (!e.group_id) { say('This item has no near duplicates.'); return; }
      const r = await api(`/api/groups/${e.group_id}/decision`, { method: 'POST', body });
      say(`Group of ${r.applied.length + r.refused.length}: ${r.applied.length} set to ${label}` +
          (r.refused.length ? `, ${r.refused.length} decided by another reviewer (not changed)` : '') + '.');
    } else {
      await api(`/api/items/${e.item_id}/decision`, { method: 'POST', body });
      say(`Item ${e.item_id}: ${label}.`);
    }
    await loadQueue(true);
    if (!group && state.sel + 1 < state.entries.length) select(state.sel + 1);
  } catch (err) {
    say(err.status === 403 ? 'Not allowed: another reviewer decided this item (a supervisor can change it).' : `Not saved: ${err.message}`);
  }
}

function setGroupMode(on) {
  state.groupMode = on;
  $('group-mode').hidden = !on;
}

// ---- detail panel -------------------------------------------------------------------------------

function row(name, value) {
  return h('tr', {}, h('th', {}, name), h('td', { dir: 'auto' }, value ?? '—'));
}

async function showDetail() {
  const e = state.entries[state.sel];
  const panel = $('detail');
  if (!e) { panel.hidden = true; return; }
  panel.hidden = false;
  let d;
  try { d = await api(`/api/items/${e.item_id}`); } catch (err) { panel.replaceChildren(h('p', { class: 'error' }, err.message)); return; }
  if (state.entries[state.sel]?.item_id !== d.id) return;  // moved on meanwhile
  state.detail = d;
  const cur = d.decision;
  const cats = h('div', { class: 'cats' },
    ...VICS.map((c) => h('button', { type: 'button', class: cur && cur.category === Number(c) ? 'on' : '', onclick: () => decide(Number(c)) }, `VICS ${c}`)),
    h('button', { type: 'button', class: cur && cur.category === null ? 'on' : '', onclick: () => decide(null) }, 'Uncategorised'));
  const tagsIn = h('input', { id: 'tags-input', value: cur ? cur.tags.join(', ') : '', placeholder: 'tags, comma separated', maxlength: 2000 });
  const noteIn = h('textarea', { id: 'note-input', rows: 3, maxlength: 8192, placeholder: 'note', dir: 'auto' });
  noteIn.value = cur ? cur.note : '';
  const form = h('form', {
    onsubmit: (ev) => {
      ev.preventDefault();
      const tags = tagsIn.value.split(',').map((t) => t.trim()).filter(Boolean);
      decide(cur ? cur.category : null, { tags, note: noteIn.value });
    },
  }, h('label', {}, 'Tags', tagsIn), h('label', {}, 'Note', noteIn), h('button', { type: 'submit' }, 'Save tags and note'));
  const actions = h('div', { class: 'actions' });
  if (e.type === 'image') actions.append(h('button', { type: 'button', onclick: () => reveal(state.sel) }, 'Reveal 5 s'));
  if (e.group_id) actions.append(h('button', { type: 'button', onclick: () => showGroup(e.group_id) }, `Group of ${e.group_size}`));
  for (const c of d.conversations) {
    actions.append(h('button', { type: 'button', class: 'open-conversation', onclick: () => showConversation(c.id) },
      `Conversation${c.labels.length ? ': ' + c.labels.join(', ') : ''}`));
  }
  if (state.me.role === 'supervisor' && (d.kind === 'file' || d.kind === 'member')) {
    actions.append(h('a', { class: 'button', href: `/api/items/${d.id}/original`, download: `item-${d.id}.bin` }, 'Original (audited)'));
  }
  const matches = d.matches.length
    ? h('table', {}, ...d.matches.map((m) => row(`${m.set_kind} · ${m.type}`, `${m.set} — ${m.hash}${m.type === 'pdq' ? ` (distance ${m.distance})` : ''}${m.category !== null ? `, category ${m.category}` : ''}`)))
    : h('p', { class: 'muted' }, 'No hash-set match.');
  const history = d.history.length
    ? h('table', {}, ...d.history.map((x) => row(x.decided_at, `${x.reviewer}: ${x.category === null ? 'uncategorised' : 'category ' + x.category}${x.tags.length ? ' [' + x.tags.join(', ') + ']' : ''}${x.note ? ' — ' + x.note : ''}`)))
    : h('p', { class: 'muted' }, 'Not reviewed yet.');
  // scan --classify: ranking signals for the review order, said to be nothing more.
  const sig = d.signals;
  const signals = sig ? [
    h('h3', {}, 'Review signals'),
    h('p', { class: 'signals-note' }, 'Ranking signals only: they order unknown images for review. They are not a finding and set no category; they err both ways (nature photos can score high, abuse material low).'),
    h('table', {}, row('priority', sig.priority !== undefined ? Number(sig.priority).toFixed(2) : null),
      ...Object.entries(sig.scores || {}).map(([k, v]) => row(k, Number(v).toFixed(4))),
      row('model', sig.model), row('faces', sig.faces),
      row('face boxes', sig.face_boxes && sig.face_boxes.length ? sig.face_boxes.map((b) => `${b[2]}×${b[3]} at ${b[0]},${b[1]}`).join('; ') : null),
      row('text (OCR)', sig.ocr_text), row('error', sig.error)),
  ] : [];
  panel.replaceChildren(
    h('h2', { dir: 'auto' }, d.path),
    cats, actions,
    ...signals,
    h('h3', {}, 'Item'),
    h('table', {}, row('id', d.id), row('source', d.source), row('kind', d.kind), row('type', d.mime), row('size', d.size),
      row('MD5', d.md5), row('SHA-1', d.sha1), row('SHA-256', d.sha256), row('PDQ', d.pdq),
      row('PDQ quality', d.pdq_quality), row('modified', d.mtime_ns ? new Date(d.mtime_ns / 1e6).toISOString() : null),
      row('depth', d.depth), row('container', d.parent_id), row('error', d.error)),
    h('h3', {}, 'Matches'), matches,
    h('h3', {}, 'Decision'), form,
    h('h3', {}, 'History'), history);
}

// ---- overlays: conversation, group, audit --------------------------------------------------------

function openOverlay(...children) {
  $('overlay-body').replaceChildren(...children);
  $('overlay').hidden = false;
  $('overlay-close').focus();
}
function closeOverlay() { $('overlay').hidden = true; $('grid').focus(); }
$('overlay-close').addEventListener('click', closeOverlay);
$('overlay').addEventListener('click', (ev) => { if (ev.target === $('overlay')) closeOverlay(); });

async function showConversation(id) {
  let c;
  try { c = await api(`/api/conversations/${id}`); } catch (e) { say(`Conversation: ${e.message}`); return; }
  const flagged = new Map();  // message index -> cues
  const offenders = new Set(), targets = new Set();
  for (const f of c.findings) {
    if (f.offender) offenders.add(f.offender);
    if (f.target) targets.add(f.target);
    for (const ev of f.evidence || []) {
      const cues = flagged.get(ev.index) || [];
      for (const cue of ev.cues || []) cues.push(typeof cue === 'string' ? cue : (cue.cue || cue.id || JSON.stringify(cue)));
      flagged.set(ev.index, cues);
    }
  }
  const findings = h('div', { class: 'findings' }, ...c.findings.map((f) => h('div', { class: 'finding' },
    h('strong', {}, f.label), ` score ${f.score.toFixed(2)}`,
    f.offender ? h('span', {}, ' · likely offender ', h('bdi', {}, f.offender)) : '',
    f.target ? h('span', {}, ' · target ', h('bdi', {}, f.target)) : '',
    ` · first alert at message ${f.first_alert_index + 1}`)));
  let thread;
  if (Array.isArray(c.messages)) {
    thread = h('div', { class: 'thread' }, ...c.messages.map((m) => {
      const cues = flagged.get(m.index);
      const cls = ['msg', offenders.has(m.author) ? 'offender' : '', targets.has(m.author) ? 'target' : '', cues ? 'flagged' : ''].join(' ');
      return h('div', { class: cls, 'data-index': m.index },
        h('div', { class: 'meta' }, h('bdi', {}, m.author || '(system)'), m.time ? ` · ${new Date(m.time * 1000).toISOString().replace('T', ' ').slice(0, 19)}` : '',
          offenders.has(m.author) ? ' · likely offender' : '', targets.has(m.author) ? ' · target' : ''),
        cues ? h('div', {}, ...cues.map((q) => h('span', { class: 'cue' }, q))) : '',
        h('div', { class: 'text', dir: 'auto' }, m.text));
    }));
  } else {
    const ev = [...c.findings.flatMap((f) => f.evidence || [])];
    thread = h('div', {}, h('p', { class: 'muted' }, `Messages not available (${c.messages_unavailable}); flagged excerpts:`),
      h('div', { class: 'thread' }, ...ev.map((m) => h('div', { class: 'msg flagged' },
        h('div', { class: 'meta' }, h('bdi', {}, m.author || '')), h('div', { class: 'text', dir: 'auto' }, m.text || '')))));
  }
  const scores = Object.entries(c.scores || {}).map(([k, v]) => `${k} ${Number(v).toFixed(2)}`).join(' · ');
  openOverlay(
    h('h2', { dir: 'auto' }, c.title || c.path),
    h('p', { class: 'muted' }, `${c.format} · ${c.message_count} messages · participants: `,
      ...c.participants.flatMap((p, i) => [i ? ', ' : '', h('bdi', {}, p)]), scores ? ` · ${scores}` : ''),
    findings, thread);
}

async function showGroup(id) {
  let g;
  try { g = await api(`/api/groups/${id}`); } catch (e) { say(`Group: ${e.message}`); return; }
  openOverlay(h('h2', {}, `Near-duplicate group ${g.id}: ${g.size} images (PDQ distance ≤ ${g.max_distance})`),
    h('div', { class: 'grid' }, ...g.items.map((it) => h('div', { class: 'tile' },
      h('div', { class: 'thumb' }, h('img', { src: thumbUrl(it.item_id), alt: 'preview' })),
      h('div', { class: 'name', dir: 'auto', title: it.path }, baseName(it.path)),
      h('div', { class: 'tags' }, it.decided ? h('span', { class: 'badge cat' }, it.category === null ? 'uncategorised' : `cat ${it.category}`) : '')))));
}

$('audit-button').addEventListener('click', async () => {
  let a;
  try { a = await api('/api/audit?limit=200'); } catch (e) { say(`Audit: ${e.message}`); return; }
  openOverlay(h('h2', {}, 'Audit log'),
    h('p', { class: a.chain_ok ? 'muted' : 'error', id: 'audit-summary' },
      `${a.total} entries · chain ${a.chain_ok ? 'verified' : 'BROKEN at entry ' + a.broken_seq} · head ${a.head_hash}`),
    h('table', { class: 'audit-table' }, h('tr', {}, h('th', {}, '#'), h('th', {}, 'when'), h('th', {}, 'who'), h('th', {}, 'action'), h('th', {}, 'details')),
      ...a.entries.map((e) => h('tr', {}, h('td', {}, e.seq), h('td', {}, e.at), h('td', {}, e.actor), h('td', {}, e.action),
        h('td', { class: 'details' }, JSON.stringify(e.details))))));
});

// ---- keyboard -----------------------------------------------------------------------------------

function columns() {
  const tiles = $('grid').children;
  if (tiles.length < 2) return 1;
  const top = tiles[0].offsetTop;
  let n = 0;
  while (n < tiles.length && tiles[n].offsetTop === top) n++;
  return Math.max(1, n);
}

document.addEventListener('keydown', (ev) => {
  if (!state.me || $('app-view').hidden) return;
  const t = ev.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) {
    if (ev.key === 'Escape') t.blur();
    return;
  }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (!$('overlay').hidden) { if (ev.key === 'Escape') closeOverlay(); return; }
  const k = ev.key;
  let handled = true;
  if (k === 'ArrowRight') select(state.sel + 1);
  else if (k === 'ArrowLeft') select(state.sel - 1);
  else if (k === 'ArrowDown') select(Math.min(state.entries.length - 1, state.sel + columns()));
  else if (k === 'ArrowUp') select(Math.max(0, state.sel - columns()));
  else if (VICS.includes(k) || k === 'u') {
    const group = state.groupMode;
    setGroupMode(false);
    decide(k === 'u' ? null : Number(k), { group });
  } else if (k === 'g') setGroupMode(!state.groupMode);
  else if (k === ' ') reveal(state.sel);
  else if (k === 'Enter') $('detail').querySelector('button')?.focus();
  else if (k === 'c') { const c = state.detail?.conversations?.[0]; if (c) showConversation(c.id); }
  else if (k === 't') $('tags-input')?.focus();
  else if (k === 'n') $('note-input')?.focus();
  else if (k === '[') page(-1);
  else if (k === ']') page(1);
  else if (k === 'Escape') setGroupMode(false);
  else handled = false;
  if (handled) ev.preventDefault();
});

// ---- start --------------------------------------------------------------------------------------

(async () => {
  try {
    const me = await api('/api/me');
    startSession(me);
  } catch (e) {
    if (e.status !== 401) showLogin();
  }
})();
