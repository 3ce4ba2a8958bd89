// Brackenshire, a fictional council: its service areas, teams and staff, so that a newcomer can
// sign in as each role and see Spotlight working. Every name is invented; every email address is
// at brackenshire.example, a domain reserved for examples, so nothing can reach a real inbox.
import type { JobRole, RecordingSystem } from '../core/job-roles.js';
import type { Role } from '../platform/policy.js';

export const demoEmailDomain = 'brackenshire.example';

export type DemoServiceAreaKey = 'front-door' | 'need-and-protection' | 'in-care' | 'qa';

export type DemoTeamKey =
  | 'front-door'
  | 'assessment-north'
  | 'assessment-south'
  | 'safeguarding-east'
  | 'safeguarding-west'
  | 'family-hub'
  | 'children-in-care'
  | 'care-leavers'
  | 'reviewing';

export interface DemoServiceArea {
  key: DemoServiceAreaKey;
  name: string;
}

export interface DemoTeam {
  key: DemoTeamKey;
  name: string;
  serviceArea: DemoServiceAreaKey;
  recordingSystem: RecordingSystem;
}

export interface DemoLeave {
  from: string;
  to: string;
  reason: string;
}

export interface DemoPerson {
  name: string;
  jobRole: JobRole;
  /** Their home team; senior leaders, Heads of Service and the QA and Safeguarding Team have none. */
  team?: DemoTeamKey;
  /** A member of the Senior Leadership Team, who may lead Spotlights. */
  slt?: boolean;
  /** A Team Manager of their home team (recorded in team_manager). */
  managesTeam?: boolean;
  /** The Head of Service of every team in this service area. */
  headOf?: DemoServiceAreaKey;
  /** Given a demo sign-in account with this role. */
  signInAs?: Role;
  leave?: DemoLeave[];
}

export const demoServiceAreas: readonly DemoServiceArea[] = [
  { key: 'front-door', name: 'Front Door and Assessment' },
  { key: 'need-and-protection', name: 'Children in Need and Protection' },
  { key: 'in-care', name: 'Children in Care' },
  // The ISROs sit apart from the case-holding teams, under the Head of Service QA and Safeguarding.
  { key: 'qa', name: 'Quality Assurance and Safeguarding' },
];

export const demoTeams: readonly DemoTeam[] = [
  { key: 'front-door', name: 'Front Door Team', serviceArea: 'front-door', recordingSystem: 'LCS' },
  {
    key: 'assessment-north',
    name: 'Assessment Team North',
    serviceArea: 'front-door',
    recordingSystem: 'LCS',
  },
  {
    key: 'assessment-south',
    name: 'Assessment Team South',
    serviceArea: 'front-door',
    recordingSystem: 'LCS',
  },
  {
    key: 'safeguarding-east',
    name: 'Family Safeguarding Team East',
    serviceArea: 'need-and-protection',
    recordingSystem: 'LCS',
  },
  {
    key: 'safeguarding-west',
    name: 'Family Safeguarding Team West',
    serviceArea: 'need-and-protection',
    recordingSystem: 'LCS',
  },
  {
    key: 'family-hub',
    name: 'Early Help Family Hub',
    serviceArea: 'need-and-protection',
    recordingSystem: 'EHM',
  },
  {
    key: 'children-in-care',
    name: 'Children in Care Team',
    serviceArea: 'in-care',
    recordingSystem: 'LCS',
  },
  {
    key: 'care-leavers',
    name: 'Care Leavers Team',
    serviceArea: 'in-care',
    recordingSystem: 'LCS',
  },
  {
    key: 'reviewing',
    name: 'Independent Reviewing and Safeguarding',
    serviceArea: 'qa',
    recordingSystem: 'LCS',
  },
];

const annualLeave = (from: string, to: string): DemoLeave => ({ from, to, reason: 'Annual leave' });

export const demoPeople: readonly DemoPerson[] = [
  // The Senior Leadership Team: the Director, Assistant Directors and the Heads of Service.
  { name: 'Helen Achebe', jobRole: 'senior-leader', slt: true },
  { name: 'David Whitfield', jobRole: 'senior-leader', slt: true, signInAs: 'senior-leader' },
  { name: 'Farah Qureshi', jobRole: 'senior-leader', slt: true },
  {
    name: 'Gareth Llewellyn',
    jobRole: 'head-of-service',
    slt: true,
    headOf: 'front-door',
    signInAs: 'head-of-service',
  },
  { name: 'Amara Nwosu', jobRole: 'head-of-service', slt: true, headOf: 'need-and-protection' },
  { name: 'Fiona MacLeod', jobRole: 'head-of-service', slt: true, headOf: 'in-care' },
  { name: 'Rajesh Patel', jobRole: 'head-of-service', slt: true, headOf: 'qa', signInAs: 'hos-qa' },

  // The Quality Assurance and Safeguarding Team, who run the timetable.
  { name: 'Priya Sharma', jobRole: 'qa-officer', signInAs: 'qa-coordinator' },
  { name: 'Tom Brennan', jobRole: 'qa-officer' },

  // Independent Reviewing and Safeguarding.
  { name: 'Catherine Doyle', jobRole: 'team-manager', team: 'reviewing', managesTeam: true },
  {
    name: 'Kwame Mensah',
    jobRole: 'isro',
    team: 'reviewing',
    leave: [annualLeave('2027-04-05', '2027-04-16')],
  },
  { name: 'Bethan Price', jobRole: 'isro', team: 'reviewing' },
  { name: 'Aisha Rahman', jobRole: 'isro', team: 'reviewing' },
  { name: 'Jonathan Reid', jobRole: 'isro', team: 'reviewing' },

  // Front Door and Assessment.
  { name: 'Sarah Jenkins', jobRole: 'team-manager', team: 'front-door', managesTeam: true },
  { name: 'Anita Kaur', jobRole: 'team-manager', team: 'front-door', managesTeam: true },
  { name: 'Imran Hussain', jobRole: 'team-leader', team: 'front-door' },
  {
    name: 'Chloe Evans',
    jobRole: 'senior-social-worker',
    team: 'front-door',
    leave: [annualLeave('2027-02-15', '2027-02-19')],
  },
  { name: 'Daniel Kowalski', jobRole: 'social-worker', team: 'front-door' },
  { name: 'Megan Hughes', jobRole: 'practitioner', team: 'front-door' },

  {
    name: 'Joanne Fletcher',
    jobRole: 'team-manager',
    team: 'assessment-north',
    managesTeam: true,
    signInAs: 'team-manager',
    leave: [{ from: '2027-05-10', to: '2027-05-12', reason: 'Training course' }],
  },
  { name: 'Oluwaseun Adeyemi', jobRole: 'senior-social-worker', team: 'assessment-north' },
  // The Staff sign-in can review, so that it has Spotlights of its own to show.
  {
    name: 'Hannah Clarke',
    jobRole: 'senior-social-worker',
    team: 'assessment-north',
    signInAs: 'staff',
  },
  { name: 'Lewis Grant', jobRole: 'social-worker', team: 'assessment-north' },

  { name: 'Michael O’Brien', jobRole: 'team-manager', team: 'assessment-south', managesTeam: true },
  { name: 'Nadia Begum', jobRole: 'team-manager', team: 'assessment-south', managesTeam: true },
  {
    name: 'Rhys Morgan',
    jobRole: 'senior-social-worker',
    team: 'assessment-south',
    leave: [annualLeave('2027-10-25', '2027-10-29')],
  },
  { name: 'Zofia Nowak', jobRole: 'social-worker', team: 'assessment-south' },
  // Four practitioners, so that their nominations give each team member of the senior leader's
  // Spotlight a child a worker is proud of and one a worker found challenging (demo-day.ts).
  { name: 'Tom Fitzgerald', jobRole: 'social-worker', team: 'assessment-south' },
  { name: 'Precious Okafor', jobRole: 'practitioner', team: 'assessment-south' },

  // Children in Need and Protection.
  { name: 'Simon Ashworth', jobRole: 'team-manager', team: 'safeguarding-east', managesTeam: true },
  { name: 'Grace Mwangi', jobRole: 'team-leader', team: 'safeguarding-east' },
  { name: 'Ellie Thompson', jobRole: 'senior-social-worker', team: 'safeguarding-east' },
  { name: 'Jamal Campbell', jobRole: 'social-worker', team: 'safeguarding-east' },
  { name: 'Katie Walsh', jobRole: 'social-worker', team: 'safeguarding-east' },

  { name: 'Deborah Harris', jobRole: 'team-manager', team: 'safeguarding-west', managesTeam: true },
  { name: 'Arjun Mehta', jobRole: 'senior-social-worker', team: 'safeguarding-west' },
  { name: 'Niamh Gallagher', jobRole: 'social-worker', team: 'safeguarding-west' },
  { name: 'Samuel Osei', jobRole: 'practitioner', team: 'safeguarding-west' },

  { name: 'Lucy Barker', jobRole: 'team-manager', team: 'family-hub', managesTeam: true },
  { name: 'Mohammed Ali', jobRole: 'team-leader', team: 'family-hub' },
  { name: 'Jade Robinson', jobRole: 'practitioner', team: 'family-hub' },
  { name: 'Sophie Turner', jobRole: 'practitioner', team: 'family-hub' },

  // Children in Care.
  {
    name: 'Andrew Cunningham',
    jobRole: 'team-manager',
    team: 'children-in-care',
    managesTeam: true,
  },
  { name: 'Yasmin Chaudhry', jobRole: 'team-leader', team: 'children-in-care' },
  {
    name: 'Ben Sutherland',
    jobRole: 'senior-social-worker',
    team: 'children-in-care',
    leave: [annualLeave('2027-07-26', '2027-08-06')],
  },
  { name: 'Tolu Bakare', jobRole: 'social-worker', team: 'children-in-care' },
  { name: 'Emma Griffiths', jobRole: 'social-worker', team: 'children-in-care' },

  { name: 'Paul Henderson', jobRole: 'team-manager', team: 'care-leavers', managesTeam: true },
  { name: 'Shanice Williams', jobRole: 'senior-social-worker', team: 'care-leavers' },
  { name: 'Mei Ling Chen', jobRole: 'social-worker', team: 'care-leavers' },
  { name: 'Liam Duffy', jobRole: 'practitioner', team: 'care-leavers' },
];

/** The job roles whose holders may be Spotlight team members (the guidance: TM/TL, SSW, ISRO). */
export const reviewingJobRoles: readonly JobRole[] = [
  'team-manager',
  'team-leader',
  'senior-social-worker',
  'isro',
];

/** "Michael O’Brien" -> michael.obrien@brackenshire.example */
export function demoEmail(name: string): string {
  const local = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${local}@${demoEmailDomain}`;
}

/** The order the demo sign-ins are offered in: the QA coordinator first, as the guidance starts there. */
export const demoSignInRoles: readonly Role[] = [
  'qa-coordinator',
  'hos-qa',
  'senior-leader',
  'head-of-service',
  'team-manager',
  'staff',
];

export function demoPersonSigningInAs(role: Role): DemoPerson {
  const person = demoPeople.find((p) => p.signInAs === role);
  if (!person) throw new Error(`The demo council has nobody to sign in as ${role}`);
  return person;
}

/** How the demo is recognised: the QA coordinator's demo email address is in the directory. */
export const demoMarkerEmail = demoEmail(demoPersonSigningInAs('qa-coordinator').name);
