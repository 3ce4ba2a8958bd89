// The GOV.UK timeout-warning pattern: two minutes before an idle session ends, ask whether to stay
// signed in. Without JavaScript the server simply asks the user to sign in again.

function describe(seconds) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

export function startTimeoutWarning(dialog) {
  if (!dialog || typeof dialog.showModal !== 'function') return;
  const idle = Number(dialog.dataset.idleSeconds);
  const warn = Number(dialog.dataset.warnSeconds);
  const countdown = dialog.querySelector('.app-timeout-countdown');
  const form = dialog.querySelector('#timeout-keep-alive');
  let deadline = Date.now() + idle * 1000;
  let timer;

  // Time is up: sign out on the server too, then ask the user to sign in again and come back here.
  const signedOut = () => {
    const signOut = document.getElementById('timeout-sign-out');
    signOut.elements.timedOut.value = '1';
    signOut.elements.returnTo.value = window.location.pathname + window.location.search;
    signOut.submit();
  };

  const tick = () => {
    const left = Math.round((deadline - Date.now()) / 1000);
    if (left <= 0) return signedOut();
    if (left <= warn) {
      if (!dialog.open) dialog.showModal();
      countdown.textContent = describe(left);
    }
    timer = window.setTimeout(tick, 1000);
  };

  form.addEventListener('submit', async (event) => {
    if (event.submitter && event.submitter.getAttribute('form') === 'timeout-sign-out') return;
    event.preventDefault();
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return signedOut();
    deadline = Date.now() + idle * 1000;
    dialog.close();
    window.clearTimeout(timer);
    timer = window.setTimeout(tick, 1000);
  });

  // Another script's request kept the session alive (autosave): count from now.
  document.addEventListener('spotlight:session-used', () => {
    deadline = Date.now() + idle * 1000;
    if (dialog.open) dialog.close();
  });

  timer = window.setTimeout(tick, 1000);
}
