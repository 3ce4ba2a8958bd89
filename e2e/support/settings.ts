// What the browser tests and their server agree on: the port and the QA coordinator who signs in.

export const e2ePort = 3123;
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;

/** The QA coordinator that e2e/start-server.ts creates in its fresh database. */
export const qaCoordinator = {
  name: 'Quinn Archer',
  email: 'quinn.archer@e2e.example.test',
  password: 'e2e only: correct horse battery staple',
} as const;

/** A council for the timetable journey: teams, people on the rota and senior leaders, all able to sign in. */
export interface FixturePerson {
  name: string;
  email: string;
  jobRole: 'team-manager' | 'team-leader' | 'senior-social-worker' | 'isro' | 'senior-leader';
}

export interface FixtureTeam {
  name: string;
  serviceArea: string;
  recordingSystem: 'LCS' | 'EHM';
  /** Nominated for the rota (on_rota = 1) and able to review. */
  reviewers: FixturePerson[];
}

const person = (name: string, jobRole: FixturePerson['jobRole']): FixturePerson => ({
  name,
  email: `${name.toLowerCase().replace(/ /g, '.')}@e2e.example.test`,
  jobRole,
});

/** Each team's reviewers: a Team Manager, a Team Leader, two Senior Social Workers and an ISRO. */
const reviewers = (names: [string, string, string, string, string]): FixturePerson[] => [
  person(names[0], 'team-manager'),
  person(names[1], 'team-leader'),
  person(names[2], 'senior-social-worker'),
  person(names[3], 'senior-social-worker'),
  person(names[4], 'isro'),
];

export const timetableCouncil: {
  password: string;
  teams: readonly FixtureTeam[];
  seniorLeaders: readonly FixturePerson[];
} = {
  password: 'e2e only: timetable fixture staple battery',
  teams: [
    {
      name: 'Assessment East',
      serviceArea: 'Assessment and Intervention',
      recordingSystem: 'LCS',
      reviewers: reviewers([
        'Priya Raman',
        'Owen Fletcher',
        'Grace Mensah',
        'Liam Doherty',
        'Hannah Kowalski',
      ]),
    },
    {
      name: 'Assessment West',
      serviceArea: 'Assessment and Intervention',
      recordingSystem: 'LCS',
      reviewers: reviewers([
        'Marcus Bell',
        'Sofia Marques',
        'Daniel Osei',
        'Ellie Turner',
        'Rajesh Patel',
      ]),
    },
    {
      name: 'Child Protection North',
      serviceArea: 'Children in Need',
      recordingSystem: 'EHM',
      reviewers: reviewers([
        'Fiona Campbell',
        'Yusuf Ali',
        'Megan Price',
        'Tomasz Nowak',
        'Aisha Begum',
      ]),
    },
    {
      name: 'Child Protection South',
      serviceArea: 'Children in Need',
      recordingSystem: 'EHM',
      reviewers: reviewers([
        'Joanna Reid',
        'Kwame Asante',
        'Laura Jenkins',
        'Connor Walsh',
        'Mei Chen',
      ]),
    },
  ],
  /** Members of the Senior Leadership Team, outside any team: they lead Spotlights. */
  seniorLeaders: [
    person('Helen Armstrong', 'senior-leader'),
    person('David Okonjo', 'senior-leader'),
    person('Sarah Lindsay', 'senior-leader'),
  ],
};

/** Someone in the preparation journey: a name, an email address to sign in with, a job role. */
export interface PreparationPerson {
  name: string;
  email: string;
  jobRole:
    | 'team-manager'
    | 'team-leader'
    | 'social-worker'
    | 'senior-social-worker'
    | 'senior-leader'
    | 'isro';
}

/** One published Spotlight of the preparation journey and everyone around it. */
export interface PreparationSpotlight {
  /** The team the Spotlight visits (LCS). */
  team: string;
  teamManager: PreparationPerson;
  practitioners: readonly [PreparationPerson, PreparationPerson];
  lead: PreparationPerson;
  members: readonly [PreparationPerson, PreparationPerson, PreparationPerson];
  /** A team member of the other Spotlight in the same plan: must see nothing of this one. */
  otherReviewer: PreparationPerson;
}

const preparationPerson = (
  name: string,
  jobRole: PreparationPerson['jobRole'],
): PreparationPerson => ({
  name,
  email: `${name.toLowerCase().replace(/ /g, '.')}.prep@e2e.example.test`,
  jobRole,
});

function preparationSpotlight(
  team: string,
  names: [string, string, string, string, string, string, string, string],
): PreparationSpotlight {
  return {
    team,
    teamManager: preparationPerson(names[0], 'team-manager'),
    practitioners: [
      preparationPerson(names[1], 'social-worker'),
      preparationPerson(names[2], 'senior-social-worker'),
    ],
    lead: preparationPerson(names[3], 'senior-leader'),
    members: [
      preparationPerson(names[4], 'senior-social-worker'),
      preparationPerson(names[5], 'isro'),
      preparationPerson(names[6], 'team-leader'),
    ],
    otherReviewer: preparationPerson(names[7], 'senior-social-worker'),
  };
}

/**
 * The preparation journey's council: for each browser project its own Spotlight (so that the
 * projects' uploads, nominations and refusals are their own), and another team's Spotlight in the
 * same plan that every project's `otherReviewer` is a team member of.
 */
export const preparationCouncil: {
  password: string;
  serviceArea: string;
  otherTeam: string;
  spotlights: Readonly<Record<string, PreparationSpotlight>>;
} = {
  password: 'e2e only: preparation fixture staple horse',
  serviceArea: 'Family Help',
  otherTeam: 'Children in Care Central',
  spotlights: {
    desktop: preparationSpotlight('Family Support North', [
      'Rebecca Holt',
      'Jamal Rahman',
      'Chloe Fraser',
      'Gillian Moss',
      'Nadia Haddad',
      'Peter Quinlan',
      'Zara Iqbal',
      'Victor Hale',
    ]),
    'no-javascript': preparationSpotlight('Family Support South', [
      'Martin Greaves',
      'Leah Oduya',
      'Sean Murphy',
      'Catherine Blake',
      'Imran Sheikh',
      'Ruth Adeyemi',
      'Tom Kerr',
      'Wendy Lowe',
    ]),
    'mobile-320': preparationSpotlight('Family Support West', [
      'Alison Ford',
      'Ben Carver',
      'Farah Nasser',
      'Nigel Ashby',
      'Olivia Grant',
      'Kieran Moore',
      'Janet Pryce',
      'Xavier Dunn',
    ]),
  },
};

/** The preparation journey's Spotlight for a browser project. */
export function preparationSpotlightFor(project: string): PreparationSpotlight {
  const spotlight = preparationCouncil.spotlights[project];
  if (!spotlight) throw new Error(`The preparation fixture has no Spotlight for ${project}`);
  return spotlight;
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function plusDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The Thursday on or after (`direction` 1) or on or before (-1) a calendar date. */
function thursdayFrom(date: string, direction: 1 | -1): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const days = direction === 1 ? (4 - weekday + 7) % 7 : -((weekday - 4 + 7) % 7);
  return plusDays(date, days);
}

/**
 * The day of the preparation journey's Spotlights and their plan's period, from today in London.
 * "Your tasks" looks 120 days ahead, so the day is about three weeks away (its deadlines still to
 * come). The timetable journey publishes plans from 4 January next year on, and publishing
 * replaces any published plan whose period overlaps; so the plan ends before that, and late in
 * December the day moves earlier (its first deadlines then late, which the journey allows).
 */
export function preparationDates(now = new Date()): { date: string; from: string; to: string } {
  const today = londonDay.format(now);
  const year = Number(today.slice(0, 4));
  const lastDay = `${year + 1}-01-03`;
  let date = thursdayFrom(plusDays(today, 21), 1);
  if (date > lastDay) date = thursdayFrom(lastDay, -1);
  if (date < today) date = lastDay;
  const endOfYear = `${year}-12-31`;
  return { date, from: today, to: date > endOfYear ? date : endOfYear };
}

/** One published Spotlight of the day's journey, ready for the morning, and everyone around it. */
export interface DaySpotlight {
  /** The team the Spotlight visits (LCS). */
  team: string;
  teamManager: PreparationPerson;
  /** Each has a proud and a challenging child nominated, and the list is forwarded. */
  practitioners: readonly [
    PreparationPerson,
    PreparationPerson,
    PreparationPerson,
    PreparationPerson,
  ];
  lead: PreparationPerson;
  members: readonly [PreparationPerson, PreparationPerson, PreparationPerson];
  /** A team member of the other Spotlight in the day's plan: must see nothing of this one. */
  otherReviewer: PreparationPerson;
  /** The team's case list: LCS numbers in the default format (6 to 8 digits). */
  caseList: readonly string[];
  /** The children each practitioner named, in the order of `practitioners`. */
  nominations: readonly { proud: string; challenging: string }[];
}

const dayPerson = (name: string, jobRole: PreparationPerson['jobRole']): PreparationPerson => ({
  name,
  email: `${name.toLowerCase().replace(/ /g, '.')}.day@e2e.example.test`,
  jobRole,
});

/** A case list of 20 LCS numbers from a 5-digit stem, and 8 nominated children, 4 of them on it. */
function daySpotlight(team: string, stem: number, names: string[]): DaySpotlight {
  const [manager, p1, p2, p3, p4, lead, m1, m2, m3, other] = names as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const caseList = Array.from({ length: 20 }, (_, i) => `${stem}${String(i + 10)}`);
  const nominated = (i: number) => `${stem + 1}${String(i + 10)}`;
  return {
    team,
    teamManager: dayPerson(manager, 'team-manager'),
    practitioners: [
      dayPerson(p1, 'social-worker'),
      dayPerson(p2, 'social-worker'),
      dayPerson(p3, 'senior-social-worker'),
      dayPerson(p4, 'senior-social-worker'),
    ],
    lead: dayPerson(lead, 'senior-leader'),
    members: [
      dayPerson(m1, 'senior-social-worker'),
      dayPerson(m2, 'isro'),
      dayPerson(m3, 'team-leader'),
    ],
    otherReviewer: dayPerson(other, 'senior-social-worker'),
    caseList,
    // Two practitioners' proud children are on the case list too: never drawn at random.
    nominations: [
      { proud: caseList[0] ?? '', challenging: nominated(1) },
      { proud: caseList[1] ?? '', challenging: nominated(2) },
      { proud: nominated(3), challenging: caseList[2] ?? '' },
      { proud: nominated(4), challenging: caseList[3] ?? '' },
    ],
  };
}

/**
 * The day's journey: for each browser project its own Spotlight (so that one project's allocation
 * and targets are its own), and another team's Spotlight in the same plan that every project's
 * `otherReviewer` is a team member of. Dated like the preparation journey's (see preparationDates).
 */
export const dayCouncil: {
  password: string;
  serviceArea: string;
  otherTeam: string;
  spotlights: Readonly<Record<string, DaySpotlight>>;
} = {
  password: preparationCouncil.password,
  serviceArea: 'Early Help',
  otherTeam: 'Early Help Outreach',
  spotlights: {
    desktop: daySpotlight('Early Help North', 41000, [
      'Harriet Vance',
      'Omar Siddiqui',
      'Bethany Cole',
      'Gareth Lloyd',
      'Nina Petrova',
      'Lorraine Fisk',
      'Adebayo Okafor',
      'Siobhan Keane',
      'Callum Reid',
      'Ursula Finch',
    ]),
    'no-javascript': daySpotlight('Early Help South', 52000, [
      'Douglas Marr',
      'Precious Ndlovu',
      'Hugo Bennett',
      'Amira Saleh',
      'Kevin Ashworth',
      'Maureen Tate',
      'Felix Warren',
      'Roisin Doyle',
      'Jasper Lin',
      'Yvonne Carter',
    ]),
    'mobile-320': daySpotlight('Early Help West', 63000, [
      'Graham Whitley',
      'Tendai Moyo',
      'Lucy Hargreaves',
      'Rashid Karim',
      'Eleanor Pike',
      'Philippa Dean',
      'Samuel Achebe',
      'Ingrid Larsen',
      'Mohammed Farah',
      'Rosa Delgado',
    ]),
  },
};

/** The day's journey's Spotlight for a browser project. */
export function daySpotlightFor(project: string): DaySpotlight {
  const spotlight = dayCouncil.spotlights[project];
  if (!spotlight) throw new Error(`The day fixture has no Spotlight for ${project}`);
  return spotlight;
}
