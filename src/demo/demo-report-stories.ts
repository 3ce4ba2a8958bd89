// What the demo senior leader writes in the report on the Spotlight they lead (Assessment Team
// South), what two team members say about the draft and how the Lead answers, and the Heads of
// Service's agreement. It agrees with the Lead's key findings in demo-afternoon-stories.ts: a
// stable, supportive team; good practice where workers know children well but children's words
// missing from some assessments; learning from complaints and audits; supervision records that do
// not show the reflection workers describe; uneven transfers in from the Front Door Team.
// Fictional, with no case numbers. Two flaws are left on purpose for the quality checks to show:
// one jargon abbreviation ("CP") and one vague recommendation with no date or measure.
import type { ThemeKey } from '../core/record-themes.js';
import type { CommentPlace } from '../core/report/report-model.js';

export interface DemoThemeSection {
  workingWell: string;
  toImprove: string;
  forChildren: string;
  grade: string;
}

export interface DemoRecommendation {
  theme: ThemeKey;
  action: string;
  owner: string;
  /** YYYY-MM-DD, or '' (the vague one). */
  dueOn: string;
  measure: string;
  baseline: string;
  target: string;
}

export interface DemoComment {
  place: CommentPlace;
  text: string;
  /** The Lead's answer when resolving it. */
  reply: string;
}

export const demoReportSummary = [
  'Assessment Team South is a stable, supportive team where workers feel safe to ask for help. We saw a calm team that celebrates what families tell it, learns from complaints and audits, and has changed its practice as a result.',
  'Where workers know children well, the records are purposeful and the child’s own words shape the plan. The team now needs to make sure every assessment records what the child says and feels, and that how often children on child protection plans are visited is decided and written down.',
  'Workers value their supervision and describe it as reflective, but the supervision records we read do not show that reflection or the reasons for decisions. We have graded management oversight as requiring improvement to be good; every other theme is good.',
].join('\n\n');

export const demoReportContext = [
  'Assessment Team South is one of two assessment teams in the Front Door and Assessment service. Two Team Managers lead three Team Leaders and 14 social workers, two of them newly qualified. The team completes Child and Family Assessments for children referred through the Front Door Team and holds children on child protection plans until they transfer to a long-term team.',
  'The team covered a vacancy for four months last year by sharing the work out, and caseloads are only now coming back down. Its last Spotlight, a year ago, set five actions; three are done and are on the board in the team room.',
].join('\n\n');

export const demoReportThemes: Record<ThemeKey, DemoThemeSection> = {
  culture: {
    workingWell:
      'A stable, supportive team where workers feel safe to ask for help. Newly qualified workers have a protected caseload and weekly supervision for their first six months. The morning huddle is short and well run, workers challenge each other kindly, and the quieter members of the team are heard. The team celebrates what families tell it: this month’s compliments are on the board by the door.',
    toImprove:
      'Keep what works as caseloads come back down, and make sure new starters continue to get the induction the two newest workers described.',
    forChildren:
      'Children are helped by workers who are settled, know them and have time to think with colleagues about what they need. When a worker is out, someone else in the team knows the child.',
    grade: 'Good',
  },
  practice: {
    workingWell:
      'Where workers know children well, records are purposeful and written to the child, and the child’s own words shape the plan. First visits are prompt, children are seen alone, and newer plans are written in plain language that families can follow.',
    toImprove:
      'Children’s own words are missing from some assessments, even where the child was seen alone. How often to visit children on a CP plan is not recorded as a decision for each child, and 81% of child protection visits were on time last quarter against a target of 95%.',
    forChildren:
      'Most children have a worker who sees them, listens and writes a plan they and their family understand. Some children’s views are not written down, so the people who make decisions about them cannot hear them.',
    grade: 'Good',
  },
  'quality-assurance': {
    workingWell:
      'The team learns from complaints and audits, and practice has changed as a result: families are now told in writing when an assessment is extended, and audit grades have moved from mostly requiring improvement to mostly good in six months. The Team Managers’ monthly dip reviews use the council’s audit tool and give each worker one clear action.',
    toImprove:
      'Check that the actions from each dip review are done, share the findings with the worker whose child was reviewed, and begin gathering feedback from children and families routinely.',
    forChildren:
      'Families are kept informed when things take longer than planned, and the quality of the work children receive is getting better month by month.',
    grade: 'Good',
  },
  oversight: {
    workingWell:
      'Workers describe supervision as monthly, protected and reflective, and trust their managers. Managers are visible in the office and made decisions quickly when a worker needed one on the day.',
    toImprove:
      'Supervision records do not show the reflection workers describe or the reasons for decisions: of five records we sampled, three listed actions only. Two workers went more than eight weeks between supervisions in the autumn, when the team was a Team Leader short.',
    forChildren:
      'A child reading their record later, or a new worker picking it up, cannot always see why decisions about them were made.',
    grade: 'Requires improvement to be good',
  },
  systemic: {
    workingWell:
      'Relationships with schools are good, the duty rota works well, and workers know who to go to when the duty worker is out.',
    toImprove:
      'Transfers in from the Front Door Team are uneven: of five children transferred in January, two arrived with no transfer form and one with a form mostly blank. Moving a child to the long-term team once they are on a plan can take several weeks.',
    forChildren:
      'When a transfer form is missing, a child’s first visit can slip while the worker pieces together what has already been done.',
    grade: 'Good',
  },
};

/** The action plan, in order; the last is left vague on purpose for the quality checks. */
export const demoRecommendations: readonly DemoRecommendation[] = [
  {
    theme: 'oversight',
    action:
      'Record the reasons for decisions in every supervision, using a short reflective template the team agrees.',
    owner: 'Team Managers, Assessment Team South',
    dueOn: '2027-06-30',
    measure:
      'Share of supervision records in the monthly dip sample that record the decision made and the reason for it',
    baseline: '2 of 5 (40%) in the Spotlight’s sample, March 2027',
    target: '80% or more in each month’s sample from June 2027',
  },
  {
    theme: 'practice',
    action:
      'Decide and record how often to visit each child on a child protection plan, and why, when the plan starts and at each review.',
    owner: 'Team Leaders, Assessment Team South',
    dueOn: '2027-05-31',
    measure: 'Child protection visits on time, from the monthly performance report',
    baseline: '81% in the last quarter of 2026',
    target: '95% by the end of June 2027',
  },
  {
    theme: 'practice',
    action:
      'Write down what each child says and feels, in their own words, in every Child and Family Assessment.',
    owner: 'Team Managers, Assessment Team South',
    dueOn: '2027-07-31',
    measure: 'Share of audited assessments that record the child’s own words',
    baseline: '2 of the 3 assessments read by one team member on the day',
    target: '90% of assessments audited in July 2027',
  },
  {
    theme: 'systemic',
    action:
      'Agree a transfer checklist with the Front Door Team so that every child arrives with a completed transfer form.',
    owner: 'Head of Service, Front Door and Assessment',
    dueOn: '2027-04-30',
    measure: 'Share of children transferred in each month with a completed transfer form',
    baseline: '2 of 5 (40%) in January 2027',
    target: 'Every child from May 2027',
  },
  {
    theme: 'quality-assurance',
    action: 'Continue to improve how the team learns from feedback.',
    owner: '',
    dueOn: '',
    measure: '',
    baseline: '',
    target: '',
  },
];

/** Two team members' comments on the circulated draft; the Lead resolves the first. */
export const demoReportComments: readonly DemoComment[] = [
  {
    place: 'oversight',
    text: 'I agree with the grade, but could we say clearly that workers value their supervision? As written, the Team Managers may read this as saying supervision itself is poor, when it is the records that fall short.',
    reply:
      'Thank you, agreed. I have put what is working well first and made it clear that the gap is in what the records show, not in the supervision workers describe.',
  },
  {
    place: 'recommendations',
    text: 'The transfer checklist needs the Front Door Team Manager as well, or it will only be agreed on one side. Could they share the recommendation with the Head of Service?',
    reply: 'Yes: I will name both, and take it to the Heads of Service when we agree the actions.',
  },
];

/** What the Lead records when the Heads of Service agree the actions are realistic. */
export const demoAgreementNote =
  'Agreed with the Heads of Service for Front Door and Assessment and for Children in Need and Protection. The transfer checklist will go to the April service meeting; the supervision template will be shared with the other assessment team once it is agreed.';
