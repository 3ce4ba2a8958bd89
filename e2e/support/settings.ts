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
