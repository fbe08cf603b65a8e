// The HTM worklist: plain JavaScript over the REST API (rest/bpm/htm/v1), signed in with the server's cookie.
const API = 'rest/bpm/htm/v1/';
const PAGE_SIZE = 20;
const PEOPLE = ['potentialOwner', 'owner', 'originator', 'administrator', 'editor', 'reader', 'escalationReceiver'];
const $ = (id) => document.getElementById(id);

const state = { user: null, admin: false, list: 'mine', offset: 0, total: 0, task: null, shown: 0, listShown: 0, events: null };
/** The events that can change what a list shows; on one of them, the list shown is read again. */
const LIST_EVENTS = ['created', 'started', 'claimed', 'claimCanceled', 'completed', 'failed', 'suspended',
  'resumed', 'terminated', 'suspendedAndClaimCanceled', 'restarted', 'delegated', 'resolved', 'forwarded',
  'deleted', 'updated', 'transferred', 'assigned', 'workItemTransferred', 'expired', 'escalated', 'routed']
  .map((type) => 'htm.task.' + type);
const REFRESH_DELAY_MS = 300;

/** Numbers what the page is about to show: an answer that arrives after a newer request was made is dropped. */
function nextView() {
  state.shown += 1;
  return state.shown;
}

/** Calls the API; an error answers with the HTM error body, which is shown, and rejects. */
async function call(path, { method = 'GET', body, form } = {}) {
  const headers = { 'X-Requested-By': 'htm-worklist', Accept: 'application/json' };
  let payload;
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form);
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = json && json.errorMessage ? json.errorMessage : `${response.status} ${response.statusText}`;
    throw Object.assign(new Error(message), { status: response.status, body: json });
  }
  return json;
}

function showError(error) {
  $('error').textContent = error.message;
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** Runs a user's action; its failure is shown as the server's message, never swallowed. */
function guarded(action) {
  return async (event) => {
    if (event) event.preventDefault();
    clearError();
    try {
      await action(event);
    } catch (error) {
      if (error.status === 401) showSignIn();
      showError(error);
    }
  };
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

// --- signing in and out ---

// --- the live list: the caller's event stream (GET /events) ---

/** Follows the caller's events while signed in; the browser reconnects by itself, resuming (Last-Event-ID). */
function followEvents() {
  stopEvents();
  const events = new EventSource(API + 'events?types=' + LIST_EVENTS.join(','));
  let pending = null;
  const refresh = () => {
    // a burst of events is one read; a list under an open task waits until the person goes back to it, and a
    // refresh never overtakes what the person asked for since the list was shown (a task being opened)
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (state.events === events && !$('inbox').hidden && state.shown === state.listShown) {
        showList(state.list).catch(showError);
      }
    }, REFRESH_DELAY_MS);
  };
  LIST_EVENTS.forEach((type) => events.addEventListener(type, refresh));
  events.addEventListener('open', () => { $('inbox').dataset.live = 'true'; });
  state.events = events;
}

function stopEvents() {
  if (state.events) state.events.close();
  state.events = null;
  delete $('inbox').dataset.live;
}

function showSignIn() {
  stopEvents();
  state.user = null;
  $('who').hidden = true;
  $('inbox').hidden = true;
  $('task').hidden = true;
  $('sign-in').hidden = false;
  $('username').focus();
}

async function signedIn(me) {
  state.user = me.user;
  state.admin = me.admin;
  $('user-name').textContent = me.user + (me.admin ? ' (administrator)' : '');
  $('who').hidden = false;
  $('sign-in').hidden = true;
  $('tab-all').hidden = !me.admin;
  followEvents();
  await showList(state.list);
}

$('sign-in').addEventListener('submit', guarded(async () => {
  const me = await call('ui/session', { method: 'POST', form: { username: $('username').value, password: $('password').value } });
  $('password').value = '';
  await signedIn(me);
}));

$('sign-out').addEventListener('click', guarded(async () => {
  await call('ui/session', { method: 'DELETE' });
  showSignIn();
}));

// --- the lists ---

function listQuery() {
  const query = new URLSearchParams({ orderBy: 'priority,dueTime', size: PAGE_SIZE, offset: state.offset });
  if (state.list === 'mine') query.set('owner', state.user);
  if (state.list === 'available') {
    query.set('potentialOwner', 'me');
    query.set('state', 'STATE_READY');
  }
  const name = $('filter-name').value.trim();
  if (name) query.set('namePrefix', name);
  const chosen = $('filter-state').value;
  if (chosen) query.set('state', chosen);
  return query;
}

async function showList(list) {
  state.list = list;
  document.querySelectorAll('[role=tab]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.list === list)));
  const view = nextView();
  const query = listQuery();
  const page = await call(API + 'tasks?' + query);
  if (view !== state.shown) return;
  state.listShown = view;
  $('task-rows').dataset.query = query.toString();
  $('task').hidden = true;
  $('inbox').hidden = false;
  state.total = page.total;
  $('task-rows').replaceChildren(...page.items.map((t) => {
    const overdue = t.isOverdue;
    const open = el('a', { href: '#' + t.tkiid, className: 'task-link' }, t.displayName || t.name);
    open.addEventListener('click', guarded(() => showTask(t.tkiid)));
    const marks = [overdue ? el('span', { className: 'mark overdue' }, 'overdue') : '',
      t.isEscalated ? el('span', { className: 'mark escalated' }, 'escalated') : '',
      t.isSuspended ? el('span', { className: 'mark' }, 'suspended') : ''];
    return el('tr', { className: overdue ? 'overdue-row' : '' },
      el('td', {}, open, ' ', marks), el('td', {}, t.priority), el('td', {}, when(t.dueTime)),
      el('td', {}, t.state.replace('STATE_', '').toLowerCase()), el('td', {}, t.owner ?? ''));
  }));
  const last = Math.min(state.offset + page.items.length, page.total);
  $('count').textContent = page.total === 0 ? 'No tasks.' : `${page.total} task${page.total === 1 ? '' : 's'}`;
  $('page').textContent = page.total === 0 ? '' : `${state.offset + 1}–${last} of ${page.total}`;
  $('previous').disabled = state.offset === 0;
  $('next').disabled = last >= page.total;
}

document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', guarded(() => {
  state.offset = 0;
  return showList(tab.dataset.list);
})));
$('filter').addEventListener('submit', guarded(() => { state.offset = 0; return showList(state.list); }));
$('previous').addEventListener('click', guarded(() => { state.offset = Math.max(0, state.offset - PAGE_SIZE); return showList(state.list); }));
$('next').addEventListener('click', guarded(() => { state.offset += PAGE_SIZE; return showList(state.list); }));
$('back').addEventListener('click', guarded(() => showList(state.list)));

// --- one task ---

/** Any JSON as nested definition lists: readable, not raw. */
function render(value) {
  if (value === null || typeof value !== 'object') return el('span', {}, value === null ? '—' : String(value));
  if (Array.isArray(value)) return el('ol', {}, value.map((item) => el('li', {}, render(item))));
  return el('dl', { className: 'data' }, Object.entries(value).flatMap(([key, item]) => [el('dt', {}, key), el('dd', {}, render(item))]));
}

function fill(id, entries) {
  $(id).replaceChildren(...(entries.length ? entries.flatMap(([key, value]) => [el('dt', {}, key), el('dd', {}, value)])
    : [el('dd', {}, '—')]));
}

const ACTIONS = [
  ['ACTION_CLAIM', 'Claim', (t) => act(t, 'claim')],
  ['ACTION_CANCELCLAIM', 'Release', (t) => act(t, 'cancelClaim')],
  ['ACTION_COMPLETE', 'Complete…', () => { $('complete-form').hidden = false; $('transfer-form').hidden = true; }],
  ['ACTION_TRANSFER', 'Transfer…', () => { $('transfer-form').hidden = false; $('complete-form').hidden = true; }],
  ['ACTION_SUSPEND', 'Suspend', (t) => act(t, 'suspend')],
  ['ACTION_RESUME', 'Resume', (t) => act(t, 'resume')],
  ['ACTION_TERMINATE', 'Terminate', (t) => act(t, 'terminate')],
  ['ACTION_RESTART', 'Restart', (t) => act(t, 'restart')],
];

async function act(tkiid, action, body = {}) {
  await call(`${API}task/${tkiid}?action=${action}`, { method: 'PUT', body });
  await showTask(tkiid);
}

async function showTask(tkiid) {
  const view = nextView();
  const [task, allowed, people, comments, history, input] = await Promise.all([
    call(`${API}task/${tkiid}`),
    call(`${API}task/actions?taskIDs=${tkiid}`),
    Promise.all(PEOPLE.map((role) => call(`${API}task/${tkiid}/role/${role}`).then((named) => [role, named]))),
    call(`${API}task/${tkiid}/comments`),
    call(`${API}task/${tkiid}/history`),
    call(`${API}task/${tkiid}/input`).catch(() => null),
  ]);
  if (view !== state.shown) return;
  state.task = task;
  $('inbox').hidden = true;
  $('task').hidden = false;
  $('complete-form').hidden = true;
  $('transfer-form').hidden = true;
  $('task-title').textContent = task.displayName || task.name;
  $('task-flags').textContent = [task.state.replace('STATE_', '').toLowerCase(), `priority ${task.priority}`,
    task.dueTime ? `due ${when(task.dueTime)}` : '', task.isOverdue ? 'overdue' : '', task.isEscalated ? 'escalated' : '',
    task.isSuspended ? 'suspended' : '', task.owner ? `owner ${task.owner}` : ''].filter(Boolean).join(' · ');
  $('task-description').textContent = task.description ?? '';
  const may = new Set(allowed.items[0].actions);
  $('actions').replaceChildren(...ACTIONS.filter(([name]) => may.has(name)).map(([name, label, run]) => {
    const button = el('button', { type: 'button', className: 'action', id: 'do-' + name.toLowerCase() }, label);
    button.addEventListener('click', guarded(() => run(task.tkiid)));
    return button;
  }));
  $('comment-form').hidden = !may.has('ACTION_ADDCOMMENT');
  $('task-input').replaceChildren(input === null ? el('dd', {}, '—') : render(input));
  fill('task-people', people.filter(([, named]) => named.users.length || named.groups.length)
    .map(([role, named]) => [role, [...named.users, ...named.groups.map((g) => `${g} (group)`)].join(', ')]));
  fill('task-properties', Object.entries(task.customProperties ?? {}));
  $('comments').replaceChildren(...comments.items.map((c) => el('li', {}, el('strong', {}, c.author), ` ${when(c.time)}: `, c.text)));
  $('history').replaceChildren(...history.items.map((h) => el('li', {},
    el('time', { dateTime: h.eventTime }, when(h.eventTime)), ' ', h.principal, ' ', h.action.replace('ACTION_', '').toLowerCase(),
    h.toState && h.toState !== h.fromState ? ` → ${h.toState.replace('STATE_', '').toLowerCase()}` : '')));
  resetOutputForm();
  $('task-title').focus();
}

// --- completing: key/value fields, or raw JSON for experts, checked before it is sent ---

function addField(key = '', value = '') {
  const row = el('div', { className: 'field' },
    el('input', { className: 'field-key', value: key, ariaLabel: 'Field name', placeholder: 'name' }),
    el('input', { className: 'field-value', value, ariaLabel: 'Field value', placeholder: 'value' }));
  $('output-fields').append(row);
}

function resetOutputForm() {
  $('output-fields').replaceChildren();
  addField();
  $('raw-toggle').checked = false;
  $('raw-output').hidden = true;
  $('raw-output').value = '';
  $('fault-name').value = '';
}

function output() {
  if ($('raw-toggle').checked) {
    try {
      return JSON.parse($('raw-output').value || '{}');
    } catch (e) {
      throw new Error(`The output is not JSON: ${e.message}`);
    }
  }
  const fields = {};
  document.querySelectorAll('#output-fields .field').forEach((row) => {
    const key = row.querySelector('.field-key').value.trim();
    const value = row.querySelector('.field-value').value;
    if (key) fields[key] = value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  });
  return fields;
}

$('add-field').addEventListener('click', () => addField());
$('raw-toggle').addEventListener('change', () => {
  $('raw-output').hidden = !$('raw-toggle').checked;
  $('output-fields').hidden = $('raw-toggle').checked;
  if ($('raw-toggle').checked) $('raw-output').value = JSON.stringify(output(), null, 2);
});
$('complete-form').addEventListener('submit', guarded(async () => {
  const body = output();
  const fault = $('fault-name').value.trim();
  await act(state.task.tkiid, fault ? `complete&faultName=${encodeURIComponent(fault)}` : 'complete', body);
}));
$('transfer-form').addEventListener('submit', guarded(async () => {
  const user = $('transfer-user').value.trim();
  await call(`${API}task/${state.task.tkiid}/role/owner?action=transfer&toUser=${encodeURIComponent(user)}`, { method: 'PUT' });
  await showTask(state.task.tkiid);
}));
$('comment-form').addEventListener('submit', guarded(async () => {
  await call(`${API}task/${state.task.tkiid}/comments`, { method: 'POST', body: { text: $('comment-text').value } });
  $('comment-text').value = '';
  await showTask(state.task.tkiid);
}));

// --- start: signed in already (the cookie), or not ---

call('ui/session').then(signedIn, (error) => (error.status === 401 ? showSignIn() : showError(error)));
