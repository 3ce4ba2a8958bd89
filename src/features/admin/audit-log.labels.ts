// What each kind of audit entry means, in words for the audit log page. An action not listed here
// is shown as it is stored, so a new kind of entry is never hidden.

const actionLabels: Record<string, string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'account.invited': 'Invited a user',
  'account.password-reset-link-created': 'Created a password link',
  'account.password-set': 'Set their password with a link',
  'account.disabled': 'Disabled an account',
  'account.enabled': 'Enabled an account',
  'account.role-changed': 'Changed a user’s role',
  'audit-log.viewed': 'Viewed children’s case numbers in the audit log',
  'service-area.created': 'Added a service area',
  'service-area.changed': 'Changed a service area',
  'service-area.deactivated': 'Deactivated a service area',
  'service-area.reactivated': 'Reactivated a service area',
  'team.created': 'Added a team',
  'team.changed': 'Changed a team',
  'team.deactivated': 'Deactivated a team',
  'team.reactivated': 'Reactivated a team',
  'team.unavailability-added': 'Added a period when a team cannot have a Spotlight',
  'team.unavailability-removed': 'Removed a period when a team cannot have a Spotlight',
  'person.created': 'Added a person to the directory',
  'person.changed': 'Changed a person in the directory',
  'person.deactivated': 'Deactivated a person in the directory',
  'person.reactivated': 'Reactivated a person in the directory',
  'person.leave-added': 'Added leave',
  'person.leave-removed': 'Removed leave',
  'directory.imported': 'Imported people and teams',
  'directory.exported': 'Downloaded the directory',
  'demo.seeded': 'Set up the demo council',
  'rota.nominations-changed': 'Changed a team’s rota nominations',
  'timetable.plan-generated': 'Planned a year of Spotlights',
  'timetable.plan-published': 'Published a year plan',
  'timetable.spotlight-changed': 'Changed a planned Spotlight',
  'timetable.cover-arranged': 'Arranged cover for a Spotlight',
  'spotlight.access-refused': 'Was refused a Spotlight’s page',
  'settings.changed': 'Changed the council’s settings',
  'closure-day.added': 'Added a closure day',
  'closure-day.removed': 'Removed a closure day',
  'preparation.document-uploaded': 'Added a document to a preparation pack',
  'preparation.document-refused': 'Tried to add a file that was refused',
  'preparation.document-downloaded': 'Opened a document in a preparation pack',
  'preparation.document-removed': 'Removed a document from a preparation pack',
  'preparation.nomination-saved': 'Named a child for a Spotlight',
  'preparation.nomination-changed-after-forwarding': 'Changed a nomination after it was forwarded',
  'preparation.nominations-forwarded': 'Forwarded practitioners’ nominations',
  'preparation.nominations-viewed': 'Viewed practitioners’ nominations',
  'preparation.case-list-saved': 'Saved a team’s case list',
  'preparation.case-list-viewed': 'Viewed a team’s case list',
  'preparation.recording-access-confirmed': 'Confirmed access to the team’s recording system',
  'day.allocation-proposed': 'Proposed an allocation of children',
  'day.allocation-changed': 'Changed a child allocated to a team member',
  'day.child-redrawn': 'Drew a child at random again',
  'day.draw-viewed': 'Looked at how a child was chosen at random',
  'day.allocation-viewed': 'Looked at the children allocated to a Spotlight Team',
  'day.priorities-recorded': 'Recorded the priorities for a Spotlight day',
  'day.dip-sampling-target-added': 'Set a dip-sampling target',
  'day.dip-sampling-target-removed': 'Removed a dip-sampling target',
  'day.dip-sampling-progress': 'Recorded dip-sampling progress',
  'day.feedback-recorded': 'Recorded the feedback given to a team’s managers and Head of Service',
  'records.case-numbers-viewed':
    'Looked at children’s case numbers in a Team Member Information Record',
  'records.saved': 'Saved their Team Member Information Record',
  'records.submitted': 'Submitted their Team Member Information Record',
  'records.reopened': 'Reopened a team member’s Team Member Information Record',
  'records.child-saved': 'Saved their answers about a child they reviewed',
  'records.child-added': 'Added another child they reviewed to their record',
  'records.child-removed': 'Removed a child they had added from their record',
  'records.evidence-added': 'Added evidence to their record',
  'records.evidence-changed': 'Changed evidence in their record',
  'records.evidence-removed': 'Removed evidence from their record',
  'triangulation.case-numbers-viewed':
    'Looked at children’s case numbers on the triangulation board',
  'triangulation.key-finding-added': 'Added a key finding for a theme',
  'triangulation.key-finding-changed': 'Changed a key finding for a theme',
  'triangulation.key-finding-removed': 'Removed a key finding for a theme',
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

const objectTypeLabels: Record<string, string> = {
  account: 'User',
  person: 'Person',
  team: 'Team',
  'service-area': 'Service area',
  'audit-log': 'Audit log',
  directory: 'Directory',
  spotlight: 'Spotlight',
  'timetable-plan': 'Year plan',
};

/** "service-area" reads as "Service area"; a type not listed is tidied the same way. */
export function objectTypeLabel(objectType: string | null): string {
  if (!objectType) return '';
  const known = objectTypeLabels[objectType];
  if (known) return known;
  const words = objectType.replace(/[-_.]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
