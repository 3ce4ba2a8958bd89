// What the demo council's team members write on the afternoon of the day, in the voice of social
// work managers: their notes on the themes, the children they reviewed and the evidence they saw,
// the Lead's key findings and the feedback. Fictional; seeded by demo-afternoon.ts.
import type { EvidenceKind, EvidenceSource, ThemeKey } from '../core/record-themes.js';
import type { ChildAnswers } from '../features/records/record-items.rules.js';
import type { Notes } from '../features/records/records.rules.js';

export type AllocatedKind = 'random' | 'proud' | 'challenging';

/** One evidence item as a team member wrote it; `key` lets the Lead's key findings rest on it. */
export interface DemoEvidence {
  key: string;
  theme: ThemeKey;
  source: EvidenceSource;
  kind: EvidenceKind;
  seen: string;
  /** The allocated child it is about, if any. */
  about?: AllocatedKind;
}

/** What one team member wrote: notes on the themes, the other notes, a child, evidence. */
export interface DemoRecordStory {
  themes: Notes;
  otherNotes: Notes;
  /** The answers about the child chosen at random for them. */
  random: ChildAnswers;
  evidence: readonly DemoEvidence[];
  /** Submitted at the end of writing, or still a draft. */
  submits: boolean;
}

/**
 * What the team members without a demo sign-in (three in the demo) write, in the Spotlight Team's
 * order: senior practitioners and managers from other teams, in their own plain words.
 */
export const demoRecordStories: readonly DemoRecordStory[] = [
  {
    submits: true,
    themes: {
      culture:
        'The team feels settled and warm. Most of the workers I spoke to have been in the team for more than a year, and the two newer workers said they had a proper induction and a lighter caseload for their first three months. People asked each other for advice across the desks all morning and nobody minded being interrupted.\n\nThe team has a “good news” slot at the start of the Monday meeting, and workers could tell me what was said last week.',
      practice:
        'Where workers know the children well, it shows in the records: the child a worker is proud of has clear, purposeful visits and the child’s own words run through the latest review. The assessment I read for the child chosen at random was thorough and prompt, but it said more about the family’s history than about what will change.\n\nWorkers map what is working well and what they are worried about in supervision, but that thinking rarely makes it into the plan itself.',
      qualityAssurance:
        'The team talks about the monthly audit results at its team meeting, and the Team Manager keeps a simple log of what has changed as a result. Workers told me the feedback they get when a manager signs off an assessment is usually one word (“authorised”) and does not help them improve. I did not see feedback from children or families being gathered routinely.',
      oversight:
        'Workers were positive about supervision: they said it is monthly, protected and reflective, and that the Team Manager is approachable and knows their children. Managers are visible in the office and made decisions quickly when a worker needed one on the day.\n\nI did not read supervision records myself, so I cannot say whether what workers describe is what is written down. Others in the Spotlight Team did.',
      systemic:
        'The biggest pressure workers describe is at the start: children arrive from the Front Door Team without a transfer form, or with one that does not say what has already been done, and the first visit can slip while the worker pieces it together. Relationships with schools are good; the local health visiting team is stretched by its own vacancies, and workers notice it.',
    },
    otherNotes: {
      learning:
        'I read the compliments log and one of the two complaints from this year. The complaint was about a parent not being told that an assessment had been extended. The team now writes to the family when that happens, and I saw two of those letters on children’s records.',
      conversations:
        'I spoke to three social workers (one newly qualified), a Team Leader and the team’s business support officer. All of them described a team where you can ask for help. The newly qualified social worker said they had never been left to make a difficult decision on their own.',
      observations:
        'The team room is calm and tidy. The board by the door shows this month’s compliments from families and the action plan from the team’s last Spotlight, with three of its five actions ticked off. Desks are shared, but workers could always find a quiet room for a difficult phone call.',
    },
    random: {
      documentsRead:
        'The Child and Family Assessment completed last month, the referral from school, the last four visit records and the chronology.',
      lifeForChild:
        'A seven-year-old who lives with their mum and a younger brother. School describe the child as bright but often tired and hungry on Mondays. Mum has told the social worker she struggles at weekends when she has no help. The child told the social worker they like drawing and want to go to the after-school club their friend goes to.',
      proportionate: 'about-right',
      proportionateWhy:
        'The family needed an assessment and some practical help. Early help support at weekends and a place at the after-school club are in proportion to what was found, and nothing has drifted.',
      goodEnough: 'yes',
      goodEnoughWhy:
        'The social worker visited within two days, saw the child alone, spoke to school and explained clearly to mum what would happen next. I would be content if this were my family.',
      strengths:
        'A prompt first visit. The child’s own words are quoted, and mum’s views are recorded respectfully.',
      areasToDevelop:
        'The assessment names the weekends as the worry but does not say what will change or how we will know. The step-down plan should say who from early help will check in, and when.',
    },
    evidence: [
      {
        key: 'asking-for-help',
        theme: 'culture',
        source: 'conversation',
        kind: 'strength',
        seen: 'Three social workers, one newly qualified, told me separately that they can ask anyone in the team for help and that their managers “have their back”. The newly qualified worker had a protected caseload and weekly supervision for their first six months.',
      },
      {
        key: 'proud-child-record',
        theme: 'practice',
        source: 'case-record',
        kind: 'strength',
        about: 'proud',
        seen: 'Visits are purposeful and written up within two days. The plan is in plain language the family can follow, and the child’s own words appear in the latest review.',
      },
      {
        key: 'supervision-described',
        theme: 'oversight',
        source: 'conversation',
        kind: 'strength',
        seen: 'Every worker I spoke to described supervision as monthly, protected and reflective. They said the Team Manager and Team Leaders know their children well and give clear decisions when asked.',
      },
      {
        key: 'transfers-described',
        theme: 'systemic',
        source: 'conversation',
        kind: 'area',
        seen: 'Workers told me children often arrive from the Front Door Team without a transfer form, or with one that does not say what has been done, so the first visit can be delayed while they piece it together.',
      },
    ],
  },
  {
    submits: true,
    themes: {
      culture:
        'A friendly, hard-working team that looks after its own. The atmosphere stayed calm when a new child protection referral came in at lunchtime: the duty worker and a Team Leader picked it up together and kept everyone informed. Staff turnover has been low this year.\n\nTeam meetings go ahead when the Team Manager is away, chaired by a Team Leader, which says a lot about how the team owns its work.',
      practice:
        'The quality of recording varies. The best records I read were clear, up to date and written to the child. In the assessment for the child chosen at random for me, the child’s own words did not appear at all, although the visit records say the child was seen alone twice.\n\nWorkers told me direct work often stays in their notebooks because the assessment form has no obvious place for it.',
      qualityAssurance:
        'The team has used its two complaints this year well. Both were discussed at a team meeting, the learning was written up, and the team changed how it tells families about delays. The Team Manager’s dip reviews happen every month, but the findings are not always shared with the worker whose child was reviewed.',
      oversight:
        'Supervision records on two of my three children were brief: a list of tasks with dates, with little sign of reflection or of why decisions were made. One child had a gap of ten weeks between recorded supervisions.\n\nThis does not match what workers say about their supervision, which they describe as reflective and valued. It may be a recording problem rather than a supervision problem, but either way the child’s record is missing the reasons behind decisions about them.',
      systemic:
        'I looked at the records of the children transferred in from the Front Door Team in January. Two of the five had no transfer form, and one had a form with most sections blank. The duty rota works well, and workers know who to go to when the duty worker is out.',
    },
    otherNotes: {
      learning:
        'I read the two complaints from this year, one practice review shared by a neighbouring council, and the last two monthly audits. The practice review led to a team session on working with fathers, and fathers’ views were recorded in two of my three children’s assessments.',
      conversations:
        'I spoke to both Team Leaders, a social worker, and the Team Manager of the Front Door Team by phone. The Front Door Team Manager agreed that transfers are uneven and said a shared checklist had been talked about but never agreed.',
      observations:
        'The display board shows the priorities from the team’s last Spotlight and six months of its audit grades, which have gone up. The office is open plan and busy but calm, and people greeted visitors and each other warmly.',
    },
    random: {
      documentsRead:
        'The Child and Family Assessment, the strategy discussion notes, the last three visit records, two supervision records and the health visitor’s report.',
      lifeForChild:
        'A four-year-old living with both parents and a baby sister. Dad recently lost his job and the police have been called twice to arguments at home. Nursery say the child is quieter than before and has started wetting again. The record describes the parents’ situation in detail but says little about what the child thinks or feels.',
      proportionate: 'about-right',
      proportionateWhy:
        'An assessment with a safety plan agreed with both parents is the right level of help. The parents are working with the service and nothing suggests it needs to go further.',
      goodEnough: 'no',
      goodEnoughWhy:
        'I would want to know that someone had spent time with my child, found out how they feel about what is happening at home, and written it down. The visit records say the child was seen alone, but not what they said.',
      strengths:
        'A quick, well-coordinated response after the second police call-out. Good information from nursery and the health visitor. Both parents, including dad, are part of the plan.',
      areasToDevelop:
        'Record the child’s own words and the direct work done with them. The safety plan should say what the child can do if they feel scared, in words a four-year-old would understand.',
    },
    evidence: [
      {
        key: 'team-board',
        theme: 'culture',
        source: 'team-environment',
        kind: 'strength',
        seen: 'The team’s board shows this month’s compliments from families, the action plan from its last Spotlight with three of five actions done, and six months of audit grades, which have gone up. The office is busy but calm.',
      },
      {
        key: 'complaints-learning',
        theme: 'quality-assurance',
        source: 'complaint-compliment-review',
        kind: 'strength',
        seen: 'Both complaints this year were discussed at a team meeting and the learning was written up. The team now writes to families when an assessment is extended; I saw two of these letters on children’s records.',
      },
      {
        key: 'child-words-missing',
        theme: 'practice',
        source: 'case-record',
        kind: 'area',
        about: 'random',
        seen: 'The assessment does not record the child’s own words, although the visit records say the child was seen alone twice. The parents’ history is set out in detail; what the child’s day is like is not.',
      },
      {
        key: 'supervision-on-record',
        theme: 'oversight',
        source: 'case-record',
        kind: 'area',
        about: 'challenging',
        seen: 'Supervision notes on this child’s record are a list of tasks with dates. They do not show reflection or the reasons for decisions, and there was a gap of ten weeks between two recorded supervisions.',
      },
      {
        key: 'transfer-forms',
        theme: 'systemic',
        source: 'document',
        kind: 'area',
        seen: 'Of the five children transferred in from the Front Door Team in January, two had no transfer form and one had a form with most sections blank.',
      },
    ],
  },
  {
    submits: false,
    themes: {
      culture:
        'I sat in on the morning huddle and a case discussion. Workers challenged each other kindly, and the Team Leader made sure the quieter members of the team were heard. People clearly enjoy working together: several mentioned how the team marked the end of its work with a family it had supported for a long time.',
      practice:
        'Performance data shows 81% of child protection visits were on time last quarter, against a target of 95%. The team knows this and talks about it. In the records I read, how often to visit was not recorded as a decision for each child: it is usually the minimum, even where more visits looked needed.\n\nWhen I asked, workers explained their thinking well, so it is the recording of the decision that is missing rather than the thinking.',
      qualityAssurance:
        'The Team Manager’s monthly dip reviews are well organised. I read the last three: they use the council’s audit tool and give each worker a short action. Audit grades have improved over six months. The next step is to check that the actions from each review were done.',
      oversight:
        'I dip-sampled five supervision records, my target for the day. Only two recorded the decision and the reason for it; the others listed actions. Two workers had gaps of more than eight weeks between supervisions in the autumn, which the Team Manager said was when the team was a Team Leader short.\n\nManagers are visible and easy to reach, and workers trust them.',
      systemic:
        'The team covered a vacancy for four months last year by sharing the work out, and caseloads are only now coming back down. Workers said transfers in from the Front Door Team are the biggest issue, and that handing a child on to the long-term team once they are on a plan can take several weeks.',
    },
    otherNotes: {
      learning:
        'I read the last three monthly dip reviews and the team’s summary of its audit grades. The team has learnt to write plans in plainer language: the newer plans I read were much easier to follow than older ones.',
      conversations:
        'I spoke to a social worker and a Team Leader about how they decide how often to visit, and to the Team Manager about supervision. All three were open about the gaps and keen to put them right.',
      observations:
        'The morning huddle took fifteen minutes and was well run: every worker said what they were doing that day and who might need help. The case discussion about a baby on a child protection plan was thoughtful and kept the baby at the centre.',
    },
    random: {
      documentsRead:
        'The child protection plan, the minutes of the initial child protection conference, the last five visit records and the core group notes.',
      lifeForChild:
        'A nine-year-old on a child protection plan for neglect, living with mum and two older brothers. The home is much cleaner than when the plan started and the child is at school every day. The child told the social worker they are proud of their new bedroom and want the social worker to “keep coming”.',
      proportionate: 'about-right',
      proportionateWhy:
        'A child protection plan is still right while the changes are so recent. The core group plans to consider stepping down at the next review if progress holds.',
      goodEnough: 'yes',
      goodEnoughWhy:
        'Regular visits, the child seen alone every time, and a plan the family understands. I would be reassured, although I would want to know more about how the older brothers are doing.',
      strengths:
        'The child is seen alone at every visit and their words are recorded. Core group meetings are on time and the plan is reviewed.',
      areasToDevelop:
        'The record does not say how often the social worker decided to visit or why: visits have been every four weeks, the minimum. The older brothers’ views and needs are not recorded.',
    },
    evidence: [
      {
        key: 'morning-huddle',
        theme: 'culture',
        source: 'observation',
        kind: 'strength',
        seen: 'At the morning huddle every worker said what they were working on and who might need help. Workers challenged each other kindly, and the Team Leader made sure the quieter members of the team were heard.',
      },
      {
        key: 'visits-on-time',
        theme: 'practice',
        source: 'performance-data',
        kind: 'area',
        seen: '81% of child protection visits were on time last quarter, against the council’s target of 95%. In the records I read, how often to visit was not recorded as a decision for each child.',
      },
      {
        key: 'supervision-dip-sample',
        theme: 'oversight',
        source: 'document',
        kind: 'area',
        seen: 'I dip-sampled five supervision records. Two recorded the decision made and the reason for it; three listed actions only. Two workers had gaps of more than eight weeks between supervisions in the autumn.',
      },
      {
        key: 'dip-reviews',
        theme: 'quality-assurance',
        source: 'document',
        kind: 'strength',
        seen: 'The Team Manager’s last three monthly dip reviews use the council’s audit tool and give each worker a short action. Audit grades have moved from mostly “requires improvement” to mostly “good” in six months.',
      },
    ],
  },
];

/** The Staff sign-in has begun their own record on the day: a first note and a first child. */
export const demoBegunRecord = {
  themes: {
    culture:
      'First impressions: a calm, friendly office. The duty worker and a Team Leader picked up a new referral together straight after the huddle and kept everyone informed. I want to ask how new starters are supported.',
  } satisfies Notes,
  random: {
    documentsRead:
      'So far the referral from school and the first two visit records. Still to read: the assessment and the chronology.',
    lifeForChild:
      'An eleven-year-old who lives with their dad and has just started secondary school. School say they are often alone at lunchtime.',
  },
};

/** The Lead's key findings, per theme, each resting on evidence items by their key. */
export const demoKeyFindings: readonly {
  theme: ThemeKey;
  kind: EvidenceKind;
  text: string;
  restsOn: readonly string[];
}[] = [
  {
    theme: 'culture',
    kind: 'strength',
    text: 'A stable, supportive team where workers feel safe to ask for help. The team is calm under pressure and celebrates what families tell it.',
    restsOn: ['asking-for-help', 'team-board', 'morning-huddle'],
  },
  {
    theme: 'practice',
    kind: 'strength',
    text: 'Where workers know children well, records are purposeful and written to the child, and the child’s own words shape the plan.',
    restsOn: ['proud-child-record'],
  },
  {
    theme: 'practice',
    kind: 'area',
    text: 'Children’s own words are missing from some assessments, and how often to visit children on child protection plans is not recorded as a decision. Visits on time are below target.',
    restsOn: ['child-words-missing', 'visits-on-time'],
  },
  {
    theme: 'quality-assurance',
    kind: 'strength',
    text: 'The team learns from complaints and audits, and practice has changed as a result: families are told about delays, and audit grades have improved.',
    restsOn: ['complaints-learning', 'dip-reviews'],
  },
  {
    theme: 'oversight',
    kind: 'area',
    text: 'Workers value their supervision and describe it as reflective, but supervision records do not show that reflection or the reasons for decisions, and there were gaps of eight weeks or more in the autumn.',
    restsOn: ['supervision-described', 'supervision-on-record', 'supervision-dip-sample'],
  },
];

/** The feedback the Lead gives the Team Manager and Head of Service at the end of the day. */
export const demoFeedback = {
  notes: [
    'We thanked the team for making us so welcome and for being open with us all day. This is a stable, supportive team where workers feel safe to ask for help: it came through in every conversation, in the morning huddle and in the team room.',
    'Strengths: the team learns from complaints and audits, and it shows in practice – families are now told when an assessment is extended, plans are written more plainly and audit grades have gone up over six months. Where workers know children well, the records are purposeful and the child’s voice is clear.',
    'Areas to develop: workers describe supervision as reflective, but the records do not show it, and some workers went more than eight weeks between supervisions in the autumn. How often to visit children on child protection plans is not recorded as a decision, and 81% of visits were on time last quarter against a target of 95%. Children’s own words are missing from some assessments. Transfers in from the Front Door Team are uneven.',
    'The Team Manager agreed with what we found about supervision and said the gaps were when the team was a Team Leader short. The Head of Service offered to raise transfers with the Front Door Team Manager and to take them to the next service meeting.',
  ].join('\n\n'),
  suggestedActions: [
    'Record the reasons for decisions in supervision, using a short reflective template the team agrees, and check a sample each month.',
    'Record how often to visit each child on a child protection plan, and why, when the plan starts and at each review.',
    'Agree a transfer checklist with the Front Door Team so that every child arrives with a completed transfer form.',
  ],
};
