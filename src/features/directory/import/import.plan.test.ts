import { describe, expect, it } from 'vitest';
import type { PersonSheetRow, TeamSheetRow } from '../../../core/directory-import.js';
import { planImport, type DirectorySnapshot } from './import.plan.js';

const person = (
  id: string,
  email: string,
  jobRole: string,
  extra: Partial<DirectorySnapshot['people'][number]> = {},
): DirectorySnapshot['people'][number] => ({
  ...{ id, name: id, email, jobRole, homeTeamId: null, slt: false, canReview: false },
  ...{ active: true, version: 1 },
  ...extra,
});

const directory: DirectorySnapshot = {
  serviceAreas: [
    { id: 'sa-care', name: 'Children in Care', key: 'children in care', active: true },
    { id: 'sa-old', name: 'Old Area', key: 'old area', active: false },
  ],
  teams: [
    {
      ...{ id: 'team-care', name: 'Care 1', key: 'care 1', serviceAreaId: 'sa-care' },
      ...{ headOfServiceId: 'hos', recordingSystem: 'LCS', managerIds: ['old-tm'] },
      ...{ active: true, version: 3 },
    },
    {
      ...{ id: 'team-closed', name: 'Closed', key: 'closed', serviceAreaId: 'sa-care' },
      ...{
        headOfServiceId: null,
        recordingSystem: 'EHM',
        managerIds: [],
        active: false,
        version: 1,
      },
    },
  ],
  people: [
    person('hos', 'hos@x.test', 'head-of-service'),
    person('tm', 'tm@x.test', 'team-manager'),
    // Was a Team Manager; now a Senior Social Worker, but still listed as the team's manager.
    person('old-tm', 'old.tm@x.test', 'senior-social-worker'),
    person('left', 'left@x.test', 'team-manager', { active: false }),
    person('sw', 'sw@x.test', 'social-worker', { homeTeamId: 'team-closed', canReview: true }),
  ],
};

const team = (row: number, fields: Partial<TeamSheetRow> = {}): TeamSheetRow => ({
  ...{ row, name: 'Care 1', serviceArea: 'Children in Care', recordingSystem: 'LCS' },
  ...fields,
});
const people = (row: number, fields: Partial<PersonSheetRow> = {}): PersonSheetRow => ({
  ...{ row, name: 'Sam Social', email: 'sw@x.test', jobRole: 'Social Worker' },
  ...fields,
});

describe('planning an import', () => {
  it('checks Team Managers and Heads of Service against the directory and the People sheet', () => {
    const plan = planImport(
      {
        teams: [
          team(2, { managers: 'old.tm@x.test; new.tm@x.test', headOfService: 'hos@x.test' }),
          team(3, { name: 'New 1', managers: 'left@x.test;sw@x.test', headOfService: 'tm@x.test' }),
          team(4, { name: 'New 2', managers: 'x@', headOfService: 'hos@x.test; tm@x.test' }),
          team(5, { name: 'New 3', serviceArea: 'Old Area' }),
        ],
        people: [people(2, { name: 'New TM', email: 'new.tm@x.test', jobRole: 'TM' })],
      },
      directory,
    );
    expect(plan.problems).toEqual([
      {
        sheet: 'Teams',
        row: 3,
        reasons: [
          'The Team Manager ‘left@x.test’ is inactive in the directory',
          'The Team Manager ‘sw@x.test’ must have the job role Team Manager or Team Leader',
          'The Head of Service ‘tm@x.test’ must have the job role Head of Service',
        ],
      },
      {
        sheet: 'Teams',
        row: 4,
        reasons: [
          'The Team Manager email address ‘x@’ is not valid',
          'Enter one email address for the Head of Service',
        ],
      },
      {
        sheet: 'Teams',
        row: 5,
        reasons: ['The service area ‘Old Area’ is inactive in the directory'],
      },
    ]);
    expect(plan.teams[0]).toMatchObject({ action: 'change', changes: ['Team managers'] });
  });

  it('refuses a move to an inactive team but keeps a person already in one', () => {
    const plan = planImport(
      {
        teams: [],
        people: [
          people(2, { team: 'closed', canReview: 'yes' }),
          people(3, { email: 'tm@x.test', jobRole: 'Team Manager', name: 'tm', team: 'Closed' }),
        ],
      },
      directory,
    );
    expect(plan.problems).toEqual([
      { sheet: 'People', row: 3, reasons: ['The team ‘Closed’ is inactive in the directory'] },
    ]);
    expect(plan.people[0]).toMatchObject({ action: 'change', changes: ['Name'] });
  });

  it('leaves details alone when their column is not in the file, and clears them when blank', () => {
    const untouched = planImport({ teams: [], people: [people(2, { name: 'sw' })] }, directory);
    expect(untouched.people[0]).toMatchObject({ action: 'same', changes: [] });
    const cleared = planImport(
      { teams: [], people: [people(2, { name: 'sw', team: '', canReview: '' })] },
      directory,
    );
    expect(cleared.people[0]).toMatchObject({ action: 'change', changes: ['Team', 'Can review'] });
    const noManagers = planImport({ teams: [team(2, { managers: '' })], people: [] }, directory);
    expect(noManagers.teams[0]).toMatchObject({ action: 'change', changes: ['Team managers'] });
  });

  it('adds unknown service areas once, and counts what is added, changed and the same', () => {
    const plan = planImport(
      {
        teams: [
          team(2, { name: 'A', serviceArea: 'Front Door' }),
          team(3, { name: 'B', serviceArea: 'front door ' }),
          team(4),
        ],
        people: [people(2, { email: 'new@x.test' })],
      },
      directory,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.newServiceAreas).toEqual([{ key: 'front door', name: 'Front Door' }]);
    expect(plan.counts).toEqual({
      teams: { add: 2, change: 0, same: 1 },
      people: { add: 1, change: 0, same: 0 },
      serviceAreas: 1,
    });
  });

  it('marks people who are inactive in the directory', () => {
    const plan = planImport(
      { teams: [], people: [people(2, { email: 'left@x.test', jobRole: 'Team Manager' })] },
      directory,
    );
    expect(plan.people[0]).toMatchObject({ action: 'change', inactive: true, changes: ['Name'] });
  });
});
