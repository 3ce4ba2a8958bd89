// What the Spotlight Teams of the demo council's last year found and wrote: Assessment Team
// North's Spotlight of March 2026 (a settled team doing well, its report final) and the Children in
// Care Team's of November 2026 (a team under strain, one theme graded Inadequate, its report with
// the QA team). Each theme has evidence from two sources, by two team members, and one key finding
// resting on both. Fictional, in plain English, with no case numbers; seeded by demo-last-year.ts.
import type { EvidenceKind, EvidenceSource, ThemeKey } from '../core/record-themes.js';
import type { DemoRecommendation, DemoThemeSection } from './demo-report-stories.js';

export interface PastEvidence {
  theme: ThemeKey;
  source: EvidenceSource;
  kind: EvidenceKind;
  seen: string;
  /** Which team member wrote it: their place in the Spotlight Team (0, 1 or 2). */
  by: number;
}

export interface PastStory {
  evidence: readonly PastEvidence[];
  /** The Lead's key finding on each theme, resting on that theme's evidence. */
  findings: Record<ThemeKey, { kind: EvidenceKind; text: string }>;
  summary: string;
  context: string;
  themes: Record<ThemeKey, DemoThemeSection>;
  recommendations: readonly DemoRecommendation[];
  /** What the Lead records when the Heads of Service agree the actions are realistic. */
  agreement: string;
}

export const northStory: PastStory = {
  evidence: [
    {
      theme: 'culture',
      source: 'conversation',
      kind: 'strength',
      by: 0,
      seen: 'Four social workers told me they enjoy coming to work and can ask anyone for advice. The two newest workers said their induction was planned and unhurried.',
    },
    {
      theme: 'culture',
      source: 'team-environment',
      kind: 'strength',
      by: 1,
      seen: 'The team room was calm and friendly. Workers stopped to help a colleague who had a difficult phone call, and the Team Manager sat with the team all morning.',
    },
    {
      theme: 'practice',
      source: 'case-record',
      kind: 'strength',
      by: 1,
      seen: 'Assessments were on time and clear about what life is like for the child. Children were seen alone and their words were quoted in most of the records I read.',
    },
    {
      theme: 'practice',
      source: 'case-record',
      kind: 'area',
      by: 2,
      seen: 'Plans list services but do not say what should change for the child or how the family will know things are better.',
    },
    {
      theme: 'practice',
      source: 'observation',
      kind: 'strength',
      by: 0,
      seen: 'I sat in on a home visit planning discussion. The worker had thought about how to explain the assessment to a nine-year-old in words they would understand.',
    },
    {
      theme: 'quality-assurance',
      source: 'document',
      kind: 'strength',
      by: 2,
      seen: 'The Team Manager keeps a simple log of audit findings and what changed as a result. Most audit grades this year were good.',
    },
    {
      theme: 'quality-assurance',
      source: 'complaint-compliment-review',
      kind: 'area',
      by: 0,
      seen: 'The one complaint this year was handled on time, but the learning was not shared with the whole team.',
    },
    {
      theme: 'oversight',
      source: 'case-record',
      kind: 'strength',
      by: 1,
      seen: 'Supervision is recorded monthly on every child I read about, and the reasons for decisions are written down.',
    },
    {
      theme: 'oversight',
      source: 'conversation',
      kind: 'strength',
      by: 2,
      seen: 'Workers said their supervision helps them think, not just list tasks, and that managers are easy to reach on duty days.',
    },
    {
      theme: 'systemic',
      source: 'performance-data',
      kind: 'area',
      by: 0,
      seen: 'Referrals to the team rose by a fifth over the winter. Caseloads averaged 21 children, above the service target of 18.',
    },
    {
      theme: 'systemic',
      source: 'conversation',
      kind: 'area',
      by: 2,
      seen: 'Workers said it can take weeks to get a school place meeting or a health appointment for a child, which slows plans down.',
    },
  ],
  findings: {
    culture: {
      kind: 'strength',
      text: 'A settled, friendly team where workers feel able to ask for help.',
    },
    practice: {
      kind: 'area',
      text: 'Assessments are good, but plans do not say what should change for the child.',
    },
    'quality-assurance': {
      kind: 'strength',
      text: 'Audits lead to change, though learning from complaints is not shared widely.',
    },
    oversight: {
      kind: 'strength',
      text: 'Supervision is regular, reflective and recorded, with reasons for decisions.',
    },
    systemic: {
      kind: 'area',
      text: 'Rising referrals have pushed caseloads above the service target.',
    },
  },
  summary: [
    'Assessment Team North is a settled, friendly team where workers feel able to ask for help. Assessments are on time, children are seen alone and their words are written down.',
    'The team now needs to write plans that say what should change for each child. Caseloads have risen over the winter and managers should keep a close eye on them. Every theme is graded good.',
  ].join('\n\n'),
  context:
    'Assessment Team North is one of two assessment teams in the Front Door and Assessment service. One Team Manager leads two Team Leaders and 12 social workers. This was the team’s first Spotlight.',
  themes: {
    culture: {
      workingWell:
        'Workers enjoy coming to work and help each other. New starters have a planned induction and a lighter caseload at first.',
      toImprove: 'Keep this going as caseloads rise, and make time for the team to meet together.',
      forChildren:
        'Children have workers who are settled and supported, so they are less likely to have to tell their story twice.',
      grade: 'Good',
    },
    practice: {
      workingWell:
        'Assessments are on time and clear. Children are seen alone and their own words are written down.',
      toImprove:
        'Plans list services but do not say what should change for the child, or how the family will know things are better.',
      forChildren:
        'Children are listened to, but they and their families do not always know what the plan is for.',
      grade: 'Good',
    },
    'quality-assurance': {
      workingWell:
        'The team uses audits well, and the Team Manager keeps track of what has changed.',
      toImprove: 'Share the learning from complaints with the whole team.',
      forChildren: 'The work children receive is checked and is getting better.',
      grade: 'Good',
    },
    oversight: {
      workingWell:
        'Supervision is monthly and reflective, and the reasons for decisions are written on the child’s record.',
      toImprove: 'Keep supervision protected during busy spells.',
      forChildren:
        'Decisions about children are thought through and easy for the next worker to follow.',
      grade: 'Good',
    },
    systemic: {
      workingWell: 'The team has good links with schools and the Front Door Team.',
      toImprove:
        'Caseloads have risen above the service target, and some appointments with other services take too long to arrange.',
      forChildren: 'Some children wait longer than they should for help from other services.',
      grade: 'Good',
    },
  },
  recommendations: [
    {
      theme: 'practice',
      action:
        'Every child’s plan will say what should change for the child and how the family will know it has.',
      owner: 'Team Manager, Assessment Team North',
      dueOn: '2026-06-30',
      measure: 'Plans in the monthly audit that say what should change',
      baseline: '4 out of 10',
      target: '8 out of 10',
    },
    {
      theme: 'systemic',
      action:
        'Review caseloads every month with the Head of Service and agree extra help when the average goes above 18 children.',
      owner: 'Head of Service, Front Door and Assessment',
      dueOn: '2026-09-30',
      measure: 'Average caseload',
      baseline: '21 children',
      target: '18 children or fewer',
    },
  ],
  agreement:
    'Agreed with the Head of Service for Front Door and Assessment. The caseload review will be a standing item at the monthly service meeting.',
};

export const careStory: PastStory = {
  evidence: [
    {
      theme: 'culture',
      source: 'conversation',
      kind: 'strength',
      by: 0,
      seen: 'Workers spoke warmly about the children they work with and about each other. Several said they stay in the team because of their colleagues.',
    },
    {
      theme: 'culture',
      source: 'team-environment',
      kind: 'area',
      by: 1,
      seen: 'The team room was quiet and half empty. Three workers were covering the caseloads of two colleagues on long-term sick leave.',
    },
    {
      theme: 'practice',
      source: 'case-record',
      kind: 'strength',
      by: 1,
      seen: 'Children’s plans were written to the child and described what matters to them, such as keeping in touch with brothers and sisters.',
    },
    {
      theme: 'practice',
      source: 'case-record',
      kind: 'area',
      by: 2,
      seen: 'Two of the children I read about had not been visited within the timescales in their plans, and one had not seen a social worker for ten weeks.',
    },
    {
      theme: 'quality-assurance',
      source: 'document',
      kind: 'area',
      by: 0,
      seen: 'The team’s audit log stops in June. Actions from the last three audits are still open.',
    },
    {
      theme: 'quality-assurance',
      source: 'complaint-compliment-review',
      kind: 'strength',
      by: 2,
      seen: 'A foster carer’s compliment about the team’s help during a placement move was shared at the team meeting.',
    },
    {
      theme: 'oversight',
      source: 'case-record',
      kind: 'area',
      by: 1,
      seen: 'Four of the six children I read about had no recorded supervision for more than three months. Decisions about family time were made without a manager’s view written down.',
    },
    {
      theme: 'oversight',
      source: 'conversation',
      kind: 'area',
      by: 2,
      seen: 'Workers said supervision is often cancelled at short notice, and that they go to each other for decisions when no manager is free.',
    },
    {
      theme: 'systemic',
      source: 'performance-data',
      kind: 'area',
      by: 0,
      seen: 'Two of the team’s eight posts have been vacant since the summer, and average caseloads are 19 children against a target of 15.',
    },
    {
      theme: 'systemic',
      source: 'conversation',
      kind: 'strength',
      by: 1,
      seen: 'Workers described good links with the virtual school and the children’s health team, who come to the team meeting every month.',
    },
  ],
  findings: {
    culture: {
      kind: 'strength',
      text: 'Workers care about the children and each other, but the team is stretched.',
    },
    practice: {
      kind: 'area',
      text: 'Plans are child-centred, but some children are not visited when they should be.',
    },
    'quality-assurance': {
      kind: 'area',
      text: 'Audits have stopped since June and their actions are still open.',
    },
    oversight: {
      kind: 'area',
      text: 'Supervision is not happening for many children, and decisions are not recorded.',
    },
    systemic: {
      kind: 'area',
      text: 'Two vacant posts have pushed caseloads well above the target.',
    },
  },
  summary: [
    'The Children in Care Team is made up of caring, committed workers who know their children well and write plans that speak to them. The team is under real strain: two posts are vacant and two workers are off sick.',
    'Some children are not being visited when they should be, and managers are not overseeing the work. We have graded management oversight as inadequate. Children need a manager to check their plans and visits now.',
  ].join('\n\n'),
  context:
    'The Children in Care Team is one of two teams in the Children in Care service. One Team Manager leads a Team Leader and eight social workers, two of whose posts are vacant. The team’s last Spotlight was in 2025.',
  themes: {
    culture: {
      workingWell:
        'Workers care about the children and about each other, and want to stay in the team.',
      toImprove:
        'Workers are tired from covering for colleagues. They need to know when help is coming.',
      forChildren:
        'Children have workers who care about them, but some have had to get to know a new worker this year.',
      grade: 'Requires improvement to be good',
    },
    practice: {
      workingWell: 'Plans are written to the child and describe what matters to them.',
      toImprove: 'Some children have not been visited within the timescales in their plans.',
      forChildren: 'Some children have gone weeks without seeing their social worker.',
      grade: 'Requires improvement to be good',
    },
    'quality-assurance': {
      workingWell: 'The team shares compliments from carers and learns from them.',
      toImprove: 'Start the monthly audits again and finish the open actions from the last three.',
      forChildren: 'Nobody is checking whether the work children receive is good enough.',
      grade: 'Requires improvement to be good',
    },
    oversight: {
      workingWell: 'Workers support each other when no manager is free.',
      toImprove:
        'Many children have had no recorded supervision for more than three months, and decisions about family time are made without a manager’s view written down.',
      forChildren:
        'Important decisions about children’s lives are being made without a manager checking them.',
      grade: 'Inadequate',
    },
    systemic: {
      workingWell:
        'The team has strong links with the virtual school and the children’s health team.',
      toImprove: 'Fill the two vacant posts and bring caseloads back towards 15 children.',
      forChildren: 'Children’s workers have too many children to see them as often as they should.',
      grade: 'Requires improvement to be good',
    },
  },
  recommendations: [
    {
      theme: 'oversight',
      action:
        'Every child will have supervision recorded at least every six weeks, with the reasons for decisions written down.',
      owner: 'Team Manager, Children in Care Team',
      dueOn: '2027-01-29',
      measure: 'Children with supervision recorded in the last six weeks',
      baseline: '2 out of 6 sampled',
      target: 'All children',
    },
    {
      theme: 'systemic',
      action: 'Fill the two vacant posts, using agency workers until they are filled.',
      owner: 'Head of Service, Children in Care',
      dueOn: '2027-02-26',
      measure: 'Vacant posts',
      baseline: '2',
      target: '0',
    },
  ],
  agreement:
    'Agreed with the Head of Service for Children in Care. Agency cover for both posts starts in December.',
};
