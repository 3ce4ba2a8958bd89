// Typed errors thrown by services; one error handler turns each into a GOV.UK error page.

export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor(what = 'Page') {
    super(`${what} not found`);
  }
}

/** What `lookup` finds, or null when it is gone (for a conflict page about something removed). */
export async function unlessGone<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

export class Forbidden extends Error {
  override readonly name = 'Forbidden';
  constructor(reason = 'You do not have permission to do this') {
    super(reason);
  }
}

/** Somebody else changed the thing since it was read: a lost update was prevented. */
export class Conflict extends Error {
  override readonly name = 'Conflict';
  constructor(message = 'Somebody else changed this while you were working on it') {
    super(message);
  }
}

/** Input that passed the form schema but breaks a business rule, tied to a form field. */
export class Invalid extends Error {
  override readonly name = 'Invalid';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
