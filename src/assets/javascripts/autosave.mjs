// Autosave for forms marked `data-autosave` (the protocol is in src/platform/autosave.ts): when the
// user stops typing for a moment, or leaves the tab, the form is posted as it is with the header
// `X-Autosave: 1` and the server answers with JSON. Without JavaScript the Save button does it all.

const quietMilliseconds = 2000;

const messages = {
  conflict: 'Somebody else has saved this. Press Save to see both versions.',
  invalid: 'Not saved yet: press Save to see what needs changing.',
  offline: 'Not saved: check your connection. Your work is still on this page.',
  failed: 'Not saved yet: press Save to try again.',
};

function watch(form, doc) {
  const status = form.querySelector('[data-autosave-status]');
  let timer;
  let unsaved = false; // changed since the last save that worked
  let saving = false;
  let typedWhileSaving = false;
  let stopped = false;
  let submitter;

  const say = (text) => {
    if (status) status.textContent = text;
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, quietMilliseconds);
  };

  async function save() {
    clearTimeout(timer);
    // Never two at once: what is typed meanwhile is saved when this one is done.
    if (stopped || !unsaved || saving) return;
    saving = true;
    typedWhileSaving = false;
    unsaved = false;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: {
          'X-Autosave': '1',
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        credentials: 'same-origin',
      });
      if (response.status === 200) {
        const answer = await response.json();
        if (form.elements.version) form.elements.version.value = String(answer.version);
        say(`Saved at ${answer.savedAt}`);
        // The save kept the session alive: the timeout warning may count from now.
        doc.dispatchEvent?.(new CustomEvent('spotlight:session-used'));
      } else if (response.status === 409) {
        stopped = true;
        say(messages.conflict);
      } else {
        unsaved = true;
        say(response.status === 422 ? messages.invalid : messages.failed);
      }
    } catch {
      unsaved = true;
      say(messages.offline);
    } finally {
      saving = false;
    }
    if (submitter !== undefined) {
      // The user pressed Save while this was on its way: send their form now, at the new version.
      const button = submitter;
      submitter = undefined;
      form.requestSubmit(button);
    } else if (typedWhileSaving) {
      later();
    }
  }

  form.addEventListener('input', () => {
    unsaved = true;
    if (saving) typedWhileSaving = true;
    else later();
  });

  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (saving) {
      event.preventDefault();
      submitter = event.submitter ?? null;
      return;
    }
    stopped = true;
  });

  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') void save();
  });
}

export function startAutosave(root = document) {
  const doc = root.ownerDocument ?? root;
  for (const form of root.querySelectorAll('form[data-autosave]')) watch(form, doc);
}
