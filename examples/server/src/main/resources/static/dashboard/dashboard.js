// The affect4j dashboard: plain browser JavaScript, no build step.
//
// Authentication: the bearer token is kept in sessionStorage (this tab only, gone when it
// closes) and sent as "Authorization: Bearer" on every request, the live stream included.
// EventSource cannot send that header, so the stream of server-sent events is read with fetch
// and parsed here; the alternatives (the token in the URL, or a short-lived ticket) would put
// a credential in access logs, or need a ticket store shared by all replicas.
//
// Privacy: the page shows only what the API discloses. Live events carry counts, never affect;
// on each event the page re-reads the timeline and the summaries, where the server applies the
// disclosure rules, and shows the server's reason when affect is withheld.
//
// Live updates: one stream per page, the chosen classroom's (/api/classrooms/{id}/events). It
// carries the uploads to every session of the classroom and the sessions started and ended
// anywhere (another page, another client, another replica), so the session list and the shown
// session's status follow too; one stream rather than two keeps the page within the browser's
// few connections per server.
'use strict';

(() => {
  const TOKEN_KEY = 'affect4j.token';
  const EMOTIONS = ['neutral', 'happiness', 'surprise', 'sadness', 'anger', 'disgust', 'fear',
    'contempt'];
  const COLOURS = ['#9aa5b1', '#f2b705', '#36a2eb', '#4b6cb7', '#d64541', '#6b8e23', '#8e44ad',
    '#b5651d'];

  const $ = (id) => document.getElementById(id);
  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    classroom: null,
    session: null,
    stream: null, // AbortController of the open event stream
    streamClassroom: null, // the classroom whose stream is open
    connected: false, // whether that stream is open now (its ready event arrived)
    status: null, // the shown session's status: active or ended
    refreshTimer: null,
    classroomTimer: null,
    chart: null,
  };

  /** An API error carrying the server's problem detail. */
  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || ('HTTP ' + status));
      this.status = status;
    }
  }

  async function api(path, options = {}) {
    const headers = { Authorization: 'Bearer ' + state.token, Accept: 'application/json' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      if (response.status === 401) {
        signOut('The server did not accept the token: ' + (json && json.detail || '401'));
      }
      throw new ApiError(response.status, json && (json.detail || json.title));
    }
    return json;
  }

  // ---- signing in and out ------------------------------------------------------------------

  async function signIn(token) {
    state.token = token;
    try {
      await api('/api/classrooms');
    } catch (e) {
      state.token = null;
      $('sign-in-error').textContent = e.status === 401
        ? 'This token is not valid.' : 'Cannot reach the server: ' + e.message;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in-error').textContent = '';
    $('sign-in-panel').hidden = true;
    $('main').hidden = false;
    $('sign-out').hidden = false;
    $('who').textContent = 'signed in';
    await loadClassrooms();
  }

  function signOut(message) {
    closeStream();
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    state.classroom = null;
    state.session = null;
    $('main').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in-panel').hidden = false;
    $('sign-in-error').textContent = message || '';
    showLive();
  }

  // ---- classrooms and sessions ---------------------------------------------------------------

  async function loadClassrooms(select) {
    const classrooms = await api('/api/classrooms');
    const list = $('classroom');
    list.replaceChildren(...classrooms.map((c) => option(c.id, c.name)));
    if (classrooms.length === 0) {
      list.append(option('', '(no classroom yet: add one)'));
    }
    const wanted = select || state.classroom || (classrooms[0] && classrooms[0].id);
    list.value = wanted ? String(wanted) : '';
    await chooseClassroom(list.value ? Number(list.value) : null);
  }

  async function chooseClassroom(id, selectSession) {
    state.classroom = id;
    if (state.streamClassroom !== id) {
      closeStream();
      if (id) {
        openStream(id);
      }
    }
    if (!id) {
      $('session').replaceChildren();
      await chooseSession(null);
      return;
    }
    const sessions = await listSessions(id);
    const list = $('session');
    const wanted = selectSession || (sessions[0] && sessions[0].id);
    list.value = wanted ? String(wanted) : '';
    await chooseSession(list.value ? Number(list.value) : null);
  }

  /** Re-reads and shows the classroom's sessions, newest first, keeping the selection. */
  async function listSessions(classroomId) {
    const sessions = await api('/api/classrooms/' + classroomId + '/sessions');
    if (state.classroom !== classroomId) {
      return sessions; // another classroom was chosen meanwhile
    }
    const list = $('session');
    sessions.sort((a, b) => b.id - a.id);
    list.replaceChildren(...sessions.map((s) => option(s.id, sessionLabel(s))));
    if (sessions.length === 0) {
      list.append(option('', '(no session yet: start one)'));
    }
    list.value = state.session ? String(state.session) : '';
    return sessions;
  }

  /** After a session was started or ended somewhere: the list changed. */
  async function sessionsChanged() {
    const classroomId = state.classroom;
    if (!classroomId) {
      return;
    }
    try {
      const sessions = await listSessions(classroomId);
      if (state.classroom === classroomId && !state.session && sessions.length > 0) {
        await chooseSession(sessions[0].id); // nothing was shown: show the new session
      }
    } catch (e) {
      if (e.status !== 401) {
        $('action-error').textContent = 'Could not read the sessions: ' + e.message;
      }
    }
  }

  function sessionLabel(s) {
    const started = new Date(s.startedAt).toLocaleString();
    return '#' + s.id + ' ' + (s.title || 'Untitled') + ' · ' + s.status + ' · ' + started
      + (s.consent ? ' · consent' : '');
  }

  async function chooseSession(id) {
    state.session = id;
    state.status = null;
    $('end').disabled = true;
    showLive();
    if (!id) {
      showCounts(null);
      $('session-title').textContent = '';
      $('session-status').textContent = '';
      renderTimeline(null);
      renderSessionSummary(null);
      await refreshClassroom();
      return;
    }
    await refresh();
  }

  async function startSession(event) {
    event.preventDefault();
    if (!state.classroom) {
      $('action-error').textContent = 'Add or choose a classroom first.';
      return;
    }
    const consent = $('start-consent').checked;
    const title = $('start-title').value.trim();
    try {
      const started = await api('/api/classrooms/' + state.classroom + '/sessions',
        { method: 'POST', body: { title: title || null, consent } });
      $('start-title').value = '';
      $('start-consent').checked = false;
      $('action-error').textContent = '';
      await chooseClassroom(state.classroom, started.id);
    } catch (e) {
      $('action-error').textContent = 'Could not start the session: ' + e.message;
    }
  }

  async function endSession() {
    if (!state.session) {
      return;
    }
    try {
      await api('/api/sessions/' + state.session + '/end', { method: 'POST' });
      $('action-error').textContent = '';
      await chooseClassroom(state.classroom, state.session);
    } catch (e) {
      $('action-error').textContent = 'Could not end the session: ' + e.message;
    }
  }

  async function createClassroom(event) {
    event.preventDefault();
    const name = $('new-classroom').value.trim();
    try {
      const created = await api('/api/classrooms', { method: 'POST', body: { name } });
      $('new-classroom').value = '';
      $('action-error').textContent = '';
      await loadClassrooms(created.id);
    } catch (e) {
      $('action-error').textContent = 'Could not add the classroom: ' + e.message;
    }
  }

  // ---- reading and showing -----------------------------------------------------------------

  /** Re-reads the session, its timeline and the summaries (on load and after each event). */
  async function refresh() {
    const id = state.session;
    if (!id) {
      await refreshClassroom().catch(() => {}); // shown again at the next event
      return;
    }
    try {
      const [session, summary, timeline] = await Promise.all([
        api('/api/sessions/' + id),
        api('/api/sessions/' + id + '/summary'),
        api('/api/sessions/' + id + '/timeline?bucket=' + $('bucket').value),
      ]);
      if (state.session !== id) {
        return; // another session was chosen meanwhile
      }
      $('session-title').textContent = '#' + session.id + ' ' + (session.title || '');
      showStatus(session.status);
      showCounts({ frameCount: session.frameCount, faceCount: session.faceCount,
        audioCount: session.audioCount });
      renderSessionSummary(summary);
      renderTimeline(timeline);
      await refreshClassroom();
    } catch (e) {
      if (e.status !== 401) {
        $('action-error').textContent = 'Could not read the session: ' + e.message;
      }
    }
  }

  /** The shown session's status, the end button and the live badge. */
  function showStatus(status) {
    state.status = status;
    $('session-status').textContent = status;
    $('end').disabled = status !== 'active';
    showLive();
  }

  /** Many events in a burst cause one refresh. */
  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refresh, 250);
  }

  /** Likewise for the classroom's summary alone (events of sessions not shown). */
  function scheduleClassroomRefresh() {
    clearTimeout(state.classroomTimer);
    state.classroomTimer = setTimeout(() => refreshClassroom().catch(() => {}), 250);
  }

  function showCounts(counts) {
    $('count-frames').textContent = counts ? counts.frameCount : '–';
    $('count-faces').textContent = counts ? counts.faceCount : '–';
    $('count-audio').textContent = counts ? counts.audioCount : '–';
  }

  function renderSessionSummary(summary) {
    const facts = $('session-summary');
    const reason = $('withheld-reason');
    if (!summary) {
      facts.replaceChildren();
      $('disclosure').textContent = '–';
      reason.hidden = true;
      return;
    }
    $('disclosure').textContent = summary.disclosure;
    reason.hidden = !summary.withheldReason;
    reason.textContent = summary.withheldReason || '';
    const e = summary.engagement || {};
    facts.replaceChildren(...pairs([
      ['detectors', [...(summary.faceDetectors || []), ...(summary.voiceDetectors || [])]
        .join(', ') || '–'],
      ['faces: dominant', affectLine(summary.faceAffect)],
      ['voice: dominant', affectLine(summary.voiceAffect)],
      ['faces per frame', number(e.facesPerFrame)],
      ['attention', number(e.attention)],
      ['activation', number(e.activation)],
      ['talk ratio', number(e.talkRatio)],
      ['speech seconds', number(summary.counts.speechSeconds)],
    ]));
  }

  async function refreshClassroom() {
    const facts = $('classroom-summary');
    const reason = $('classroom-withheld-reason');
    if (!state.classroom) {
      facts.replaceChildren();
      reason.hidden = true;
      return;
    }
    const summary = await api('/api/classrooms/' + state.classroom + '/summary');
    reason.hidden = !summary.withheldReason;
    reason.textContent = summary.withheldReason || '';
    facts.replaceChildren(...pairs([
      ['classroom', summary.name],
      ['sessions', summary.sessions + ' (' + summary.sessionsDisclosed + ' disclosed, '
        + summary.sessionsWithheld + ' withheld)'],
      ['frames / faces', summary.counts.frames + ' / ' + summary.counts.faces],
      ['audio clips', String(summary.counts.audioClips)],
      ['disclosure', summary.disclosure],
      ['faces: dominant', affectLine(summary.faceAffect)],
      ['voice: dominant', affectLine(summary.voiceAffect)],
    ]));
  }

  function renderTimeline(timeline) {
    const canvas = $('timeline');
    const note = $('timeline-note');
    const source = $('source').value;
    const buckets = timeline ? timeline.buckets : [];
    const shown = buckets.filter((b) => b[source]);
    canvas.dataset.buckets = String(buckets.length);
    canvas.dataset.shown = String(shown.length);
    const withheld = buckets.filter((b) => b.disclosure === 'withheld'
      && (b.counts.frames > 0 || b.counts.audioClips > 0)).length;
    note.hidden = withheld === 0;
    note.textContent = withheld === 0 ? '' : withheld + ' of ' + buckets.length
      + ' intervals are withheld: fewer than ' + timeline.minFaces + ' faces appeared together'
      + ' in a frame there and the session has no recorded consent.';
    if (typeof Chart === 'undefined') {
      return; // the chart library failed to load; the figures above still update
    }
    const labels = buckets.map((b) => new Date(b.start).toLocaleTimeString());
    const datasets = EMOTIONS.map((emotion, i) => ({
      label: emotion,
      backgroundColor: COLOURS[i],
      data: buckets.map((b) => (b[source] ? b[source].emotions[emotion] : null)),
    }));
    if (!state.chart) {
      state.chart = new Chart(canvas, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: { stacked: true },
            y: { stacked: true, min: 0, max: 1, title: { display: true, text: 'share' } },
          },
          plugins: { legend: { position: 'right' } },
        },
      });
    } else {
      state.chart.data.labels = labels;
      state.chart.data.datasets = datasets;
      state.chart.update();
    }
  }

  function affectLine(affect) {
    if (!affect) {
      return 'withheld or none';
    }
    return affect.dominant + ' (arousal ' + number(affect.arousal) + ', valence '
      + number(affect.valence) + ', ' + affect.contributors + ' contributions)';
  }

  function number(value) {
    return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
  }

  function pairs(rows) {
    return rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    });
  }

  function option(value, text) {
    const o = document.createElement('option');
    o.value = String(value);
    o.textContent = text;
    return o;
  }

  // ---- the live stream ---------------------------------------------------------------------

  function setLive(kind, text) {
    const live = $('live');
    live.className = 'live ' + kind;
    live.textContent = text;
  }

  /** The badge: live while the stream is open, unless the shown session has ended. */
  function showLive() {
    if (!state.stream) {
      setLive('off', 'offline');
    } else if (state.status === 'ended') {
      setLive('off', 'ended');
    } else if (state.connected) {
      setLive('on', 'live');
    } else {
      setLive('retry', 'connecting');
    }
  }

  function closeStream() {
    if (state.stream) {
      state.stream.abort();
      state.stream = null;
    }
    state.streamClassroom = null;
    state.connected = false;
  }

  /** Keeps the classroom's stream open, reconnecting with a growing pause. */
  function openStream(classroomId) {
    const controller = new AbortController();
    state.stream = controller;
    state.streamClassroom = classroomId;
    state.connected = false;
    showLive();
    let pause = 1000;
    const loop = async () => {
      while (!controller.signal.aborted) {
        try {
          await readStream(classroomId, controller.signal, () => { pause = 1000; });
        } catch (e) {
          if (controller.signal.aborted || e.status === 401 || e.status === 403
            || e.status === 404) {
            if (e.status) {
              setLive('off', 'offline: ' + e.message);
            }
            return;
          }
        }
        if (controller.signal.aborted) {
          return;
        }
        state.connected = false;
        setLive('retry', 'reconnecting');
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 15000);
      }
    };
    loop();
  }

  async function readStream(classroomId, signal, connected) {
    const response = await fetch('/api/classrooms/' + classroomId + '/events', {
      headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok) {
      let detail = 'HTTP ' + response.status;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) {
        // not a problem document
      }
      if (response.status === 401) {
        signOut('The server did not accept the token: ' + detail);
      }
      throw new ApiError(response.status, detail);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return; // the server closed the stream (timeout or shutdown): reconnect
      }
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseEvent(block);
        if (event) {
          if (event.name === 'ready') {
            connected();
          }
          onEvent(event);
        }
      }
    }
  }

  /** One block of "event:" and "data:" lines; comments (keep-alives) give null. */
  function parseEvent(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
    if (data.length === 0) {
      return null;
    }
    return { name, data: JSON.parse(data.join('\n')) };
  }

  function onEvent(event) {
    if (event.data.classroomId !== state.classroom) {
      return; // a stream being closed after another classroom was chosen
    }
    const shown = event.data.sessionId !== undefined && event.data.sessionId === state.session;
    if (event.name === 'ready' || event.name === 'resync') {
      // Catch up on anything missed while disconnected (resync: the server says so).
      if (event.name === 'ready') {
        state.connected = true;
        showLive();
      }
      sessionsChanged();
    } else if (event.name === 'session') {
      sessionsChanged(); // started or ended: the list's labels, or a new entry
      if (shown) {
        showStatus(event.data.status);
      }
    } else if (event.name === 'observation' && shown) {
      showCounts(event.data); // counts are never withheld; shown at once
    }
    // The shown session's events re-read it and the classroom; other sessions' events only
    // the classroom's summary, which counts them too.
    if (shown || event.name === 'ready' || event.name === 'resync') {
      scheduleRefresh();
    } else {
      scheduleClassroomRefresh();
    }
  }

  // ---- wiring ------------------------------------------------------------------------------

  $('sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('token').value.trim());
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('classroom').addEventListener('change', (e) =>
    chooseClassroom(e.target.value ? Number(e.target.value) : null));
  $('session').addEventListener('change', (e) =>
    chooseSession(e.target.value ? Number(e.target.value) : null));
  $('start-form').addEventListener('submit', startSession);
  $('end').addEventListener('click', endSession);
  $('new-classroom-form').addEventListener('submit', createClassroom);
  $('bucket').addEventListener('change', refresh);
  $('source').addEventListener('change', refresh);

  if (state.token) {
    signIn(state.token);
  } else {
    signOut();
  }
})();
