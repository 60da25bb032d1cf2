// The host side of the workbench's Custom UI bridge, and the host pages' controls (user switcher,
// theme switch). Answers each app frame's bridge calls by correlation id, the way Jira's host does:
// the frame is identified by the window that sent the message, and its context is the one the
// server rendered for that frame, never anything the frame claims.
(function () {
  'use strict';
  var FROM_FRAME = 'forge-workbench-bridge';
  var FROM_HOST = 'forge-workbench-host';
  var origin = window.location.origin;
  var html = document.documentElement;

  function colorMode() {
    return html.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
  }

  function setCookie(name, value) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; Path=/; SameSite=Lax; Max-Age=31536000';
  }

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-forge-frame]'));
  }

  function frameFor(source) {
    return frames().find(function (frame) {
      return frame.contentWindow === source;
    });
  }

  function frameContext(frame) {
    return JSON.parse(frame.getAttribute('data-context') || '{}');
  }

  function send(frame, message) {
    message.source = FROM_HOST;
    if (frame.contentWindow) frame.contentWindow.postMessage(message, origin);
  }

  // ---- theme -------------------------------------------------------------------------------
  function applyHostTheme(mode) {
    html.setAttribute('data-color-mode', mode);
    var link = document.getElementById('wb-tokens');
    if (link) link.setAttribute('href', '/workbench/tokens/' + mode + '.css');
    setCookie('wb-theme', mode);
    var button = document.getElementById('wb-theme-switch');
    if (button) {
      button.setAttribute('aria-pressed', String(mode === 'dark'));
      button.setAttribute('data-next-mode', mode === 'dark' ? 'light' : 'dark');
    }
    frames().forEach(function (frame) {
      send(frame, { kind: 'theme', colorMode: mode });
    });
  }

  // ---- flags -------------------------------------------------------------------------------
  function closeFlag(id) {
    var element = document.querySelector('[data-flag-id="' + CSS.escape(String(id)) + '"]');
    if (element) element.remove();
    return Boolean(element);
  }

  function showFlag(frame, options) {
    closeFlag(options.id);
    var flag = document.createElement('div');
    var appearance = options.appearance || options.type || 'info';
    flag.className = 'wb-flag wb-flag-' + appearance;
    flag.setAttribute('role', appearance === 'error' || appearance === 'warning' ? 'alert' : 'status');
    flag.setAttribute('data-flag-id', String(options.id));
    flag.setAttribute('data-testid', 'host-flag');
    var close = document.createElement('button');
    close.className = 'wb-flag-close';
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', function () {
      closeFlag(options.id);
    });
    var title = document.createElement('p');
    title.className = 'wb-flag-title';
    title.textContent = options.title || '';
    flag.appendChild(close);
    flag.appendChild(title);
    if (options.description) {
      var description = document.createElement('p');
      description.textContent = options.description;
      flag.appendChild(description);
    }
    if (options.actions && options.actions.length) {
      var actions = document.createElement('div');
      actions.className = 'wb-flag-actions';
      options.actions.forEach(function (action, index) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.text;
        button.addEventListener('click', function () {
          send(frame, { kind: 'flagAction', flagId: options.id, index: index });
        });
        actions.appendChild(button);
      });
      flag.appendChild(actions);
    }
    document.getElementById('wb-flags').appendChild(flag);
    if (options.isAutoDismiss) {
      setTimeout(function () {
        closeFlag(options.id);
      }, 8000);
    }
  }

  // ---- navigation --------------------------------------------------------------------------
  function urlFor(location) {
    if (location.url) return new URL(location.url, origin).toString();
    switch (location.target) {
      case 'issue':
        return origin + '/browse/' + encodeURIComponent(location.issueKey);
      case 'module':
        if (location.projectKey) return origin + '/projects/' + encodeURIComponent(location.projectKey) + '/process-loop';
        throw new Error('The workbench can only open module pages of a project (give projectKey).');
      case 'projectSettingsDetails':
        return origin + '/projects/' + encodeURIComponent(location.projectKey) + '/process-loop';
      default:
        throw new Error('The workbench cannot navigate to target ' + JSON.stringify(location.target) + '.');
    }
  }

  // ---- refresh: re-render the host's issue details, as Jira re-reads the issue -------------
  function refreshIssueDetails() {
    var current = document.querySelector('[data-testid="issue-details"]');
    if (!current) return Promise.resolve(true);
    return fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, 'text/html');
        ['issue-details', 'issue-status', 'issue-summary'].forEach(function (testId) {
          var now = document.querySelector('[data-testid="' + testId + '"]');
          var next = fresh.querySelector('[data-testid="' + testId + '"]');
          if (now && next) now.replaceWith(document.importNode(next, true));
        });
        return true;
      });
  }

  function readJson(response) {
    return response.text().then(function (text) {
      var body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (error) {
        throw new Error('The workbench answered something that is not JSON (HTTP ' + response.status + ').');
      }
      return { status: response.status, body: body };
    });
  }

  // ---- the bridge calls --------------------------------------------------------------------
  var handlers = {
    getContext: function (frame) {
      var context = frameContext(frame);
      var mode = colorMode();
      context.theme = { colorMode: mode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' };
      return context;
    },
    getTheme: function () {
      return { colorMode: colorMode() };
    },
    invoke: function (frame, args) {
      if (!args || typeof args.functionKey !== 'string') throw new Error('functionKey must be a string!');
      var context = frameContext(frame);
      // A frame may name another invoke endpoint (data-invoke-path): modules that are not Jira UI
      // modules, such as an automation action's configuration form, are answered elsewhere.
      return fetch(frame.getAttribute('data-invoke-path') || '/workbench/invoke', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey: args.functionKey, payload: args.payload, context: { moduleKey: context.moduleKey, extension: context.extension } }),
      })
        .then(readJson)
        .then(function (answer) {
          if (answer.status === 200) return answer.body;
          var message = answer.body && answer.body.error ? answer.body.error.message : 'HTTP ' + answer.status;
          throw new Error('There was an error invoking the function - ' + message);
        });
    },
    fetchProduct: function (frame, args) {
      if (!args || args.product !== 'jira') throw new Error('The workbench can only fetch from Jira (product "jira").');
      if (typeof args.restPath !== 'string' || args.restPath.charAt(0) !== '/') throw new Error('restPath must start with "/".');
      if (!/^\/rest\//.test(args.restPath)) throw new Error('requestJira can only reach Jira REST APIs (/rest/...).');
      var init = args.fetchRequestInit || {};
      return fetch(args.restPath, {
        method: init.method || 'GET',
        headers: init.headers || [],
        body: init.body == null ? undefined : init.body,
        credentials: 'same-origin',
      }).then(function (response) {
        return response.text().then(function (body) {
          var headers = {};
          response.headers.forEach(function (value, name) {
            headers[name] = value;
          });
          return { body: body, headers: headers, status: response.status, statusText: response.statusText };
        });
      });
    },
    resize: function (frame, args) {
      if (args && typeof args.height === 'number') resizeFrame(frame, args.height);
    },
    navigate: function (frame, args) {
      var url = urlFor(args || {});
      if (args && args.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    },
    getUrl: function (frame, args) {
      return urlFor(args || {});
    },
    reload: function () {
      window.location.reload();
    },
    open: function () {
      return false;
    },
    close: function () {
      return false;
    },
    // view.submit(payload): only a frame the host page marks data-submittable accepts it (Jira answers
    // false elsewhere, which @forge/bridge turns into "this resource's view is not submittable").
    // The payload goes to the host page as a `forge-submit` DOM event on the iframe (detail: payload).
    submit: function (frame, args) {
      if (frame.getAttribute('data-submittable') !== 'true') return false;
      frame.dispatchEvent(new CustomEvent('forge-submit', { detail: args, bubbles: true }));
      return true;
    },
    refresh: function () {
      return refreshIssueDetails();
    },
    showFlag: function (frame, args) {
      if (!args || args.id === undefined) throw new Error('"id" must be defined in flag options');
      showFlag(frame, args);
    },
    closeFlag: function (frame, args) {
      closeFlag(args && args.id);
    },
    getFrameId: function (frame) {
      return frame.getAttribute('data-forge-frame');
    },
    emitReadyEvent: function () {},
    emit: function (frame, args) {
      broadcast(frame, args);
    },
    emitPublic: function (frame, args) {
      broadcast(frame, args);
    },
    changeWindowTitle: function (frame, args) {
      if (args && typeof args.title === 'string') document.title = args.title;
    },
  };

  function broadcast(sender, args) {
    frames().forEach(function (frame) {
      if (frame !== sender) send(frame, { kind: 'event', event: args && args.event, payload: args && args.payload });
    });
  }

  function resizeFrame(frame, height) {
    frame.style.height = Math.max(0, Math.ceil(height)) + 'px';
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.source !== FROM_FRAME) return;
    var frame = frameFor(event.source);
    if (!frame) return;
    if (data.kind === 'resize') {
      resizeFrame(frame, data.height);
      return;
    }
    if (data.kind !== 'call') return;
    var handler = Object.prototype.hasOwnProperty.call(handlers, data.name) ? handlers[data.name] : null;
    Promise.resolve()
      .then(function () {
        if (!handler) throw new Error('The workbench bridge does not support "' + data.name + '".');
        return handler(frame, data.args);
      })
      .then(
        function (value) {
          send(frame, { kind: 'answer', id: data.id, ok: true, value: value === undefined ? null : value });
        },
        function (error) {
          send(frame, { kind: 'answer', id: data.id, ok: false, error: error && error.message ? error.message : String(error) });
        },
      );
  });

  // ---- host controls -----------------------------------------------------------------------
  function wireControls() {
    var switcher = document.getElementById('wb-user-switcher');
    if (switcher) {
      switcher.addEventListener('change', function () {
        setCookie('wb-account', switcher.value);
        window.location.reload();
      });
    }
    var themeButton = document.getElementById('wb-theme-switch');
    if (themeButton) {
      themeButton.addEventListener('click', function () {
        applyHostTheme(colorMode() === 'dark' ? 'light' : 'dark');
      });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireControls);
  else wireControls();

  // For scripts and tests: switch the theme without clicking.
  // emitToFrame: product events the host page sends to one frame (events.on in the app), e.g.
  // Automation's AUTOMATION_ACTION_SUBMIT.
  window.__workbenchHost = {
    setColorMode: applyHostTheme,
    colorMode: colorMode,
    emitToFrame: function (frame, event, payload) {
      send(frame, { kind: 'event', event: event, payload: payload });
    },
  };
})();
