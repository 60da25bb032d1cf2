// The rule editor page's behaviour (workbench/automation/ruleEditorPage.ts), on top of host.js:
// keeps the configuration the action's form last submitted (view.submit → the iframe's `forge-submit`
// event), sends the form AUTOMATION_ACTION_SUBMIT on Next (as Automation's native Next button does),
// runs Automation's pre-save checks on what comes back (AUTOMATION_ACTION_VALIDATE_RULE_EVENT around
// them), and runs the rule: POST /workbench/automation/run with the last submitted configuration.
(function () {
  'use strict';
  var root = document.querySelector('[data-testid="rule-editor"]');
  if (!root) return;
  var frame = root.querySelector('iframe[data-forge-frame]');
  var actionKey = root.getAttribute('data-action-key');
  var actor = root.getAttribute('data-actor-account-id');
  var byTestId = function (id) {
    return root.querySelector('[data-testid="' + id + '"]');
  };
  var submittedView = byTestId('submitted-config');
  var problemsView = byTestId('rule-config-problems');
  var nextStatus = byTestId('rule-next-status');
  var outcomeView = byTestId('run-outcome');
  var submitted = null;
  var awaitingNext = null; // the timer while Next waits for the form's answer
  // A form that finds problems shows them and submits nothing; later edits are not Next's answer.
  var NEXT_ANSWER_MS = 5000;

  function host() {
    if (!window.__workbenchHost || !window.__workbenchHost.emitToFrame) throw new Error('host.js is not loaded.');
    return window.__workbenchHost;
  }

  function postJson(path, body) {
    return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (response) {
      return response.json().then(function (answer) {
        return { status: response.status, body: answer };
      });
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function showProblems(invalidInputs) {
    problemsView.replaceChildren();
    var names = Object.keys(invalidInputs);
    if (!names.length) return;
    problemsView.appendChild(element('p', 'Automation would not save this rule:', 'wb-error'));
    var list = element('ul');
    names.forEach(function (name) {
      list.appendChild(element('li', (name ? name + ': ' : '') + invalidInputs[name].message, 'wb-error'));
    });
    problemsView.appendChild(list);
  }

  function checkConfig() {
    host().emitToFrame(frame, 'AUTOMATION_ACTION_VALIDATE_RULE_EVENT', { isValidating: true });
    return postJson('/workbench/automation/rule-config', { actionKey: actionKey, inputs: submitted })
      .then(function (answer) {
        if (answer.status !== 200) throw new Error(answer.body && answer.body.error ? answer.body.error.message : 'HTTP ' + answer.status);
        showProblems(answer.body.invalidInputs);
        nextStatus.textContent = Object.keys(answer.body.invalidInputs).length ? 'The configuration has problems.' : 'Configuration saved.';
      })
      .catch(function (error) {
        nextStatus.textContent = 'Could not check the configuration: ' + error.message;
      })
      .then(function () {
        host().emitToFrame(frame, 'AUTOMATION_ACTION_VALIDATE_RULE_EVENT', { isValidating: false });
      });
  }

  frame.addEventListener('forge-submit', function (event) {
    submitted = event.detail && typeof event.detail === 'object' ? event.detail : {};
    submittedView.textContent = JSON.stringify(submitted, null, 2);
    // As in Automation, Next stays disabled while the form is pristine (nothing submitted yet).
    byTestId('rule-next').disabled = false;
    if (awaitingNext) {
      clearTimeout(awaitingNext);
      awaitingNext = null;
      checkConfig();
    }
  });

  byTestId('rule-next').addEventListener('click', function () {
    // The form answers with view.submit when its own checks pass, and shows field errors otherwise.
    clearTimeout(awaitingNext);
    awaitingNext = setTimeout(function () {
      awaitingNext = null;
      nextStatus.textContent = 'The form submitted nothing: fix the fields it marks.';
    }, NEXT_ANSWER_MS);
    nextStatus.textContent = 'Waiting for the form…';
    host().emitToFrame(frame, 'AUTOMATION_ACTION_SUBMIT', undefined);
  });

  function showOutcome(result) {
    outcomeView.replaceChildren();
    var box = element('div', undefined, 'wb-rule-outcome');
    box.setAttribute('data-outcome', result.outcome);
    if (result.outcome === 'succeeded') {
      box.appendChild(element('p', 'Rule ran: Success. The action’s outputs:', 'wb-success'));
      box.appendChild(element('pre', JSON.stringify(result.result === undefined ? null : result.result, null, 2), 'wb-rule-json'));
    } else {
      box.appendChild(element('p', 'Rule ran: Failure. The audit log shows:', 'wb-error'));
      var list = element('ul');
      result.errors.forEach(function (message) {
        list.appendChild(element('li', message, 'wb-error'));
      });
      box.appendChild(list);
    }
    outcomeView.appendChild(box);
  }

  function showRunError(message) {
    outcomeView.replaceChildren();
    var box = element('p', message, 'wb-error wb-rule-outcome');
    box.setAttribute('data-outcome', 'error');
    outcomeView.appendChild(box);
  }

  byTestId('run-rule-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!submitted) {
      showRunError('Configure the action first: its form has submitted nothing yet.');
      return;
    }
    var issueKey = byTestId('rule-issue-key').value.trim().toUpperCase();
    var body = { actionKey: actionKey, inputs: submitted, actorAccountId: actor };
    if (issueKey) body.issueKey = issueKey;
    outcomeView.textContent = 'Running…';
    postJson('/workbench/automation/run', body)
      .then(function (answer) {
        if (answer.status === 200) showOutcome(answer.body);
        else showRunError('The rule could not run: ' + (answer.body && answer.body.error ? answer.body.error.message : 'HTTP ' + answer.status));
      })
      .catch(function (error) {
        showRunError('The rule could not run: ' + error.message);
      });
  });
})();
