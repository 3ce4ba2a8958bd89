// The autosave script (src/assets/javascripts/autosave.mjs) against a small stand-in for the page:
// a form with its fields, a status element and a document, with fetch and timers under the test's
// control. The browser journey (e2e) runs the real thing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: FakeEvent) => void;
interface FakeEvent {
  submitter?: unknown;
  preventDefault?: () => void;
}

class FakeTarget {
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, event: FakeEvent = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

class FakeForm extends FakeTarget {
  action = '/spotlights/s/records/r/themes';
  fields: [string, string][] = [['culture', '']];
  status = { textContent: '' };
  elements = { version: { value: '4' } };
  submitted: unknown[] = [];
  querySelector(selector: string) {
    return selector === '[data-autosave-status]' ? this.status : null;
  }
  requestSubmit(submitter: unknown) {
    this.submitted.push(submitter);
  }
  type(field: string, text: string) {
    this.fields = this.fields.filter(([name]) => name !== field).concat([[field, text]]);
    this.dispatch('input');
  }
}

class FakeDocument extends FakeTarget {
  visibilityState = 'visible';
}

/** The form's fields as FormData gives them to the script: the token, the version, the text. */
class FakeFormData {
  constructor(private readonly form: FakeForm) {}
  *[Symbol.iterator]() {
    yield ['_csrf', 'token'];
    yield ['version', this.form.elements.version.value];
    yield* this.form.fields;
  }
}

interface Answer {
  status: number;
  json?: unknown;
}

type StartAutosave = (root: unknown) => void;
const scriptUrl = new URL('../../../../assets/javascripts/autosave.mjs', import.meta.url).href;

describe('the autosave script', () => {
  let form: FakeForm;
  let doc: FakeDocument;
  let requests: { url: string; init: RequestInit; answer: (a: Answer | Error) => void }[];

  beforeEach(async () => {
    vi.useFakeTimers();
    form = new FakeForm();
    doc = new FakeDocument();
    requests = [];
    vi.stubGlobal('FormData', FakeFormData);
    vi.stubGlobal(
      'fetch',
      (url: string, init: RequestInit) =>
        new Promise((resolve, reject) => {
          requests.push({
            url,
            init,
            answer: (a) =>
              a instanceof Error
                ? reject(a)
                : resolve({ status: a.status, json: () => Promise.resolve(a.json) }),
          });
        }),
    );
    const { startAutosave } = (await import(scriptUrl)) as { startAutosave: StartAutosave };
    const root = {
      ownerDocument: doc,
      querySelectorAll: (selector: string) => (selector === 'form[data-autosave]' ? [form] : []),
    };
    startAutosave(root);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** What the script posted, as the server reads it. */
  const bodyOf = (i: number) => (requests[i]?.init.body as URLSearchParams | undefined)?.toString();

  /** Lets the script read an answer and carry on. */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('saves once the user stops typing for two seconds, and keeps the new version', async () => {
    form.type('culture', 'Calm');
    await vi.advanceTimersByTimeAsync(1_500);
    form.type('culture', 'Calm and orderly');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe(form.action);
    expect(request?.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Autosave': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(bodyOf(0)).toBe('_csrf=token&version=4&culture=Calm+and+orderly');

    request?.answer({ status: 200, json: { saved: true, version: 5, savedAt: '10:32am' } });
    await settle();
    expect(form.elements.version.value).toBe('5');
    expect(form.status.textContent).toBe('Saved at 10:32am');
    // Nothing new typed: nothing more to save.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
  });

  it('never saves twice at once, and saves what was typed meanwhile afterwards', async () => {
    form.type('culture', 'First');
    await vi.advanceTimersByTimeAsync(2_000);
    form.type('culture', 'First and second');
    await vi.advanceTimersByTimeAsync(5_000);
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    expect(requests).toHaveLength(1);

    requests[0]?.answer({ status: 200, json: { version: 5, savedAt: '9:00am' } });
    await settle();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(requests).toHaveLength(2);
    expect(bodyOf(1)).toBe('_csrf=token&version=5&culture=First+and+second');
  });

  it('saves straight away when the user leaves the page', async () => {
    form.type('culture', 'Before lunch');
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    expect(requests).toHaveLength(1);
  });

  it('stops on a conflict and asks the user to press Save', async () => {
    form.type('culture', 'Mine');
    await vi.advanceTimersByTimeAsync(2_000);
    requests[0]?.answer({ status: 409, json: { conflict: true } });
    await settle();
    expect(form.status.textContent).toBe(
      'Somebody else has saved this. Press Save to see both versions.',
    );
    form.type('culture', 'Mine, still typing');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    expect(form.elements.version.value).toBe('4');
  });

  it('says when the text cannot be saved yet, or the connection failed', async () => {
    form.type('culture', 'x'.repeat(10_001));
    await vi.advanceTimersByTimeAsync(2_000);
    requests[0]?.answer({ status: 422, json: { saved: false, errors: ['Too long'] } });
    await settle();
    expect(form.status.textContent).toBe('Not saved yet: press Save to see what needs changing.');

    form.type('culture', 'Shorter');
    await vi.advanceTimersByTimeAsync(2_000);
    requests[1]?.answer(new TypeError('Failed to fetch'));
    await settle();
    expect(form.status.textContent).toBe(
      'Not saved: check your connection. Your work is still on this page.',
    );
    // Still unsaved: leaving the page tries again.
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    expect(requests).toHaveLength(3);
  });

  it('holds a Save pressed during an autosave until it is done, then sends it at the new version', async () => {
    form.type('culture', 'Nearly done');
    await vi.advanceTimersByTimeAsync(2_000);
    const button = { name: 'then', value: 'record' };
    let prevented = false;
    form.dispatch('submit', { submitter: button, preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(form.submitted).toEqual([]);

    requests[0]?.answer({ status: 200, json: { version: 5, savedAt: '9:00am' } });
    await settle();
    expect(form.elements.version.value).toBe('5');
    expect(form.submitted).toEqual([button]);
  });
});
