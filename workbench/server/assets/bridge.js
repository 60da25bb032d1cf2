// The Custom UI bridge of the Forge workbench. Runs inside the app's iframe, before the app's own
// modules (the server injects it as the first element of <head>): @forge/bridge reads
// `window.__bridge.callBridge` when it loads. Every call is a postMessage to the host page with a
// correlation id; the host answers with the same id. Only what must happen inside the frame is done
// here (theming, event listeners, history, auto height).
(function () {
  'use strict';
  var FROM_FRAME = 'forge-workbench-bridge';
  var FROM_HOST = 'forge-workbench-host';
  var THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';
  var origin = window.location.origin;
  var pending = new Map();
  var nextId = 1;
  var themingEnabled = false;
  var listeners = new Map(); // event name → Set of callbacks (events.on / onPublic)

  function post(message) {
    message.source = FROM_FRAME;
    window.parent.postMessage(message, origin);
  }

  function askHost(name, args) {
    var id = 'call-' + nextId++;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      try {
        post({ kind: 'call', id: id, name: name, args: args === undefined ? null : args });
      } catch (error) {
        pending.delete(id);
        reject(new Error('The workbench bridge could not send "' + name + '": ' + (error && error.message)));
      }
    });
  }

  function applyTheme(colorMode) {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', THEME_ATTRIBUTE);
    var link = document.getElementById('forge-workbench-tokens');
    var href = '/workbench/tokens/' + colorMode + '.css';
    if (!link) {
      link = document.createElement('link');
      link.id = 'forge-workbench-tokens';
      link.rel = 'stylesheet';
      document.head.insertBefore(link, document.head.firstChild);
    }
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  }

  function subscribe(args) {
    var name = args && args.event;
    var callback = args && args.callback;
    if (typeof name !== 'string' || typeof callback !== 'function') {
      return Promise.reject(new Error('events.on needs an event name and a callback.'));
    }
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name).add(callback);
    return Promise.resolve({
      unsubscribe: function () {
        var set = listeners.get(name);
        if (set) set.delete(callback);
      },
    });
  }

  // view.createHistory(): a history inside the frame, with the shape of the `history` package.
  function createHistory() {
    var entries = [{ pathname: '/', search: '', hash: '', state: undefined, key: 'default' }];
    var index = 0;
    var historyListeners = new Set();
    function parse(path, state) {
      var url = new URL(typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || ''), 'https://frame.invalid');
      return { pathname: url.pathname, search: url.search, hash: url.hash, state: state, key: Math.random().toString(36).slice(2, 8) };
    }
    function notify(action) {
      historyListeners.forEach(function (listener) {
        listener(history.location, action);
      });
    }
    var history = {
      action: 'POP',
      location: entries[0],
      get length() {
        return entries.length;
      },
      push: function (path, state) {
        entries = entries.slice(0, index + 1);
        entries.push(parse(path, state));
        index = entries.length - 1;
        history.location = entries[index];
        history.action = 'PUSH';
        notify('PUSH');
      },
      replace: function (path, state) {
        entries[index] = parse(path, state);
        history.location = entries[index];
        history.action = 'REPLACE';
        notify('REPLACE');
      },
      go: function (delta) {
        var target = Math.max(0, Math.min(entries.length - 1, index + delta));
        if (target === index) return;
        index = target;
        history.location = entries[index];
        history.action = 'POP';
        notify('POP');
      },
      back: function () {
        history.go(-1);
      },
      forward: function () {
        history.go(1);
      },
      listen: function (listener) {
        historyListeners.add(listener);
        return function () {
          historyListeners.delete(listener);
        };
      },
    };
    return Promise.resolve(history);
  }

  // showFlag's actions carry onClick functions, which cannot cross postMessage: keep them here.
  var flagActions = new Map(); // flag id → [onClick]
  function showFlag(options) {
    var actions = (options && options.actions) || [];
    flagActions.set(options.id, actions.map(function (action) {
      return action.onClick;
    }));
    var copy = Object.assign({}, options, {
      actions: actions.map(function (action) {
        return { text: String(action.text) };
      }),
    });
    return askHost('showFlag', copy);
  }

  // Calls that take functions or change this document are answered here, not by the host.
  var local = {
    showFlag: showFlag,
    enableTheming: function () {
      return askHost('getTheme').then(function (theme) {
        themingEnabled = true;
        applyTheme(theme.colorMode);
      });
    },
    on: subscribe,
    onPublic: subscribe,
    createHistory: createHistory,
  };

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.source !== FROM_HOST) return;
    if (data.kind === 'answer') {
      var call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.value);
      else call.reject(new Error(data.error || 'The host refused the call.'));
    } else if (data.kind === 'theme') {
      if (themingEnabled) applyTheme(data.colorMode);
    } else if (data.kind === 'flagAction') {
      var handlers = flagActions.get(data.flagId) || [];
      var onClick = handlers[data.index];
      if (typeof onClick === 'function') onClick();
    } else if (data.kind === 'event') {
      var set = listeners.get(data.event);
      if (set) set.forEach(function (callback) {
        try {
          callback(data.payload);
        } catch (error) {
          console.error(error);
        }
      });
    }
  });

  // Auto height, as Jira sizes Custom UI frames to their content: report the bottom of the content.
  var lastHeight = -1;
  function reportHeight() {
    var body = document.body;
    if (!body) return;
    var bottom = 0;
    for (var i = 0; i < body.children.length; i++) {
      var child = body.children[i];
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
      var rect = child.getBoundingClientRect();
      bottom = Math.max(bottom, rect.bottom + window.scrollY);
    }
    var style = window.getComputedStyle(body);
    var height = Math.ceil(bottom + parseFloat(style.marginBottom || '0') + parseFloat(style.paddingBottom || '0'));
    if (height !== lastHeight) {
      lastHeight = height;
      post({ kind: 'resize', height: height });
    }
  }
  var scheduled = false;
  function scheduleHeight() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      reportHeight();
    });
  }
  function watchSize() {
    var resizeObserver = new ResizeObserver(scheduleHeight);
    var observed = new Set();
    function observeChildren() {
      for (var i = 0; i < document.body.children.length; i++) {
        var child = document.body.children[i];
        if (!observed.has(child)) {
          observed.add(child);
          resizeObserver.observe(child);
        }
      }
      scheduleHeight();
    }
    new MutationObserver(observeChildren).observe(document.body, { childList: true });
    observeChildren();
  }
  if (document.body) watchSize();
  else document.addEventListener('DOMContentLoaded', watchSize);

  window.__bridge = {
    callBridge: function (name, args) {
      if (typeof name !== 'string') return Promise.reject(new Error('callBridge needs a call name.'));
      if (Object.prototype.hasOwnProperty.call(local, name)) return local[name](args);
      return askHost(name, args);
    },
  };
})();
