// The demo council's afternoon of the day, on the Spotlight the demo senior leader leads: each team
// member's Team Member Information Record (two submitted, one still a draft, and the Staff
// sign-in's just begun), the Lead's key findings from triangulation, and the feedback to the Team
// Manager and Head of Service with suggested actions. Everything goes through the services as the
// person who would do it, on a clock set to the day itself (the demo's Spotlight is in the future,
// and feedback cannot be recorded before it is given). A Spotlight with any of this already is left
// as it is.
import { listOf } from '../core/triangulation.js';
import type { EvidenceKind, EvidenceSource, ThemeKey } from '../core/record-themes.js';
import type { ChildAnswers } from '../features/records/record-items.rules.js';
import type { Notes } from '../features/records/records.rules.js';
import type { PersonRef, Spotlight } from '../features/spotlight/spotlight.service.js';
import { FixedClock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import type { Actor } from '../platform/policy.js';
import { createServices, type Services } from '../services.js';
import { challengingReasons, proudReasons } from './demo-children.js';
import { actorFor, demoLedSpotlight, type SignIns } from './demo-preparation.js';
import {
  hasAfternoonRecords,
  listAllocationReasons,
  type DemoAllocationRow,
} from './demo.repository.js';
import { demoActors, demoContext } from './demo-timetable.js';

type AllocatedKind = 'random' | 'proud' | 'challenging';

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

/** The answers about a child a worker is proud of, one for each of the demo's reasons. */
const proudStories: readonly ChildAnswers[] = [
  {
    documentsRead:
      'The assessment, the child in need plan, the last four visit records and the notes of the last two school meetings.',
    lifeForChild:
      'An eight-year-old whose attendance at school had fallen to 70%. It is now over 95%. The child walks to school with a friend and told the social worker that the best thing is “mum gets up with me now”.',
    proportionate: 'about-right',
    proportionateWhy:
      'A child in need plan with school at the centre was the right level of help. It is now ready to step down to early help.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'Mum says she felt listened to, the plan was built with her, and school and the social worker kept her informed. I would be glad of this help.',
    strengths:
      'Strong joint work with school. Mum’s own words about what helped are recorded. Visits are purposeful.',
    areasToDevelop: 'The step-down plan should say who mum can call if things slip again.',
  },
  {
    documentsRead:
      'The Child and Family Assessment, the last six visit records and the chronology.',
    lifeForChild:
      'A ten-year-old who lives with their grandmother. Every visit record says how the child was feeling that day and what they wanted, in their own words. They want to keep seeing their dad at the weekends and to stay at their school.',
    proportionate: 'about-right',
    proportionateWhy:
      'The help is focused on what the child has asked for: stable contact with dad and staying at their school.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'My child’s wishes would be heard and written down every time. That is what I would want.',
    strengths:
      'The child’s wishes and feelings are clear in every visit record. The worker uses a simple feelings chart and records what the child chose.',
    areasToDevelop: 'Grandmother’s own support needs are mentioned but not yet assessed.',
  },
  {
    documentsRead:
      'The child protection plan, the last two review conference minutes, core group notes and the latest visit records.',
    lifeForChild:
      'A six-year-old on a child protection plan, with their older sister, because of domestic abuse. The man who hurt mum has left the home, mum has finished a programme for survivors, and the child says home is “quiet now”.',
    proportionate: 'about-right',
    proportionateWhy:
      'The plan was agreed with mum and reviewed on time. Risks have come down and the review is rightly considering a child in need plan.',
    goodEnough: 'yes',
    goodEnoughWhy: 'Mum was treated as a partner, not a problem. The plan was clear and it worked.',
    strengths:
      'Reviews on time. A plan written with the family. Clear evidence of what has changed for the children.',
    areasToDevelop: 'The older sister’s views are recorded less often than the younger child’s.',
  },
  {
    documentsRead:
      'The assessment, the record of direct work sessions, the plan and the last three visit records.',
    lifeForChild:
      'A fourteen-year-old who had stopped going to school and was spending time with older young people the police were worried about. Six direct work sessions helped them name what was going on, and they asked for a mentor, which they now have.',
    proportionate: 'about-right',
    proportionateWhy:
      'The level of help matched the risk, and the young person shaped it through the direct work.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'The young person was treated as someone with a say. I would want that for my own child.',
    strengths:
      'Direct work is well recorded and clearly shaped the plan. The young person’s words are quoted throughout.',
    areasToDevelop: 'Parents’ views of the plan are not recorded since the last review.',
  },
  {
    documentsRead:
      'The pre-birth assessment, the health visitor’s reports, the child in need plan and the last four visit records.',
    lifeForChild:
      'A baby of seven months living with a young mum who was in care herself. The baby is gaining weight well, has had all her checks and is “smiley and alert” according to the health visitor. Mum has joined a local parents’ group.',
    proportionate: 'about-right',
    proportionateWhy:
      'A child in need plan with the health visitor leading much of the day-to-day support is right for the level of need.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'Mum was supported to be a parent rather than watched. I would want this help for my family.',
    strengths:
      'A strong partnership with the health visitor, with joint visits and shared notes. The baby is thriving.',
    areasToDevelop:
      'Dad is mentioned in the assessment but there is no record of anyone speaking to him.',
  },
  {
    documentsRead:
      'The assessment, the family group conference plan, the last review and the latest visit records.',
    lifeForChild:
      'An eight-year-old who, with his five-year-old brother, now lives with their aunt during the week while their mum is unwell. A family group conference agreed the plan. He sees mum every weekend and says the best thing about his aunt’s house is the dog.',
    proportionate: 'about-right',
    proportionateWhy:
      'The family found their own safe plan, so the council did not need to go further.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'The family were trusted to find their own answer, with support. I would want that.',
    strengths:
      'A well-run family group conference. The wider family stepped in safely and the plan is reviewed.',
    areasToDevelop:
      'The aunt’s financial support is not yet settled and the record does not say who is following it up.',
  },
];

/** The answers about a child a worker found challenging, one for each of the demo's reasons. */
const challengingStories: readonly ChildAnswers[] = [
  {
    documentsRead:
      'The child protection plan, core group notes, the last six visit records and two supervision records.',
    lifeForChild:
      'A nine-year-old, the eldest of three, living with parents who often cancel visits. It took four months before the child was seen alone. They have now told the social worker they are often hungry after school.',
    proportionate: 'too-little',
    proportionateWhy:
      'Visits were cancelled many times before anyone escalated it. Legal advice should have been sought sooner.',
    goodEnough: 'no',
    goodEnoughWhy:
      'If my child had gone four months without being seen alone, I would be worried that nobody knew what life was like for them.',
    strengths:
      'The worker has been persistent and honest with the parents, and the child’s words are now recorded.',
    areasToDevelop:
      'Escalate earlier when visits are refused. Record management decisions on what to do when the family do not engage.',
  },
  {
    documentsRead:
      'The assessment, the chronology, records from two other councils and the last three visit records.',
    lifeForChild:
      'A twelve-year-old who has moved address four times in two years and changed school twice. They told the social worker they want to “stop moving” and to keep one friend from their last school.',
    proportionate: 'about-right',
    proportionateWhy:
      'The help is right for their needs now, but it started late because records from other areas came slowly.',
    goodEnough: 'no',
    goodEnoughWhy:
      'I would want the first social worker to have had the whole history. The child had to tell their story again and again.',
    strengths:
      'The worker chased the other councils’ records and wrote a clear chronology once they arrived.',
    areasToDevelop:
      'The assessment should say how the moves have affected the child, not just list them.',
  },
  {
    documentsRead:
      'The child in need plan, the referral for a specialist assessment, the last four visit records and two supervision records.',
    lifeForChild:
      'A seven-year-old with communication needs who is waiting for a specialist assessment. Nothing on the plan has changed for five months while the family wait. Mum says she feels “forgotten”.',
    proportionate: 'too-little',
    proportionateWhy:
      'Waiting for the specialist assessment has stopped other help that could have started, such as short breaks.',
    goodEnough: 'no',
    goodEnoughWhy:
      'I would not accept five months with no change. The plan should have moved on while we waited.',
    strengths: 'Visits have continued and mum has been kept informed about the wait.',
    areasToDevelop:
      'Review the plan while waiting, not only after. Supervision should set a date to escalate the delay.',
  },
  {
    documentsRead:
      'The strategy discussion notes, the child protection plan, the conference minutes and the last three visit records.',
    lifeForChild:
      'An eleven-year-old living with mum. School are very worried about the child’s behaviour; the social worker and the health visitor see a child who is settled at home. The child told the social worker they are being bullied at school.',
    proportionate: 'too-much',
    proportionateWhy:
      'The evidence recorded so far fits a child in need plan better than a child protection plan. The agencies disagree, and the plan has followed the most worried agency.',
    goodEnough: 'yes',
    goodEnoughWhy:
      'The worker has listened to the child and to mum, and recorded the disagreement honestly. I would be content with the worker, if not yet with the plan.',
    strengths:
      'An honest record of where agencies disagree. The child’s account of bullying is recorded in their own words.',
    areasToDevelop:
      'Use the escalation process to settle the disagreement, and record the management decision about the level of risk.',
  },
  {
    documentsRead:
      'The return home interviews, the safety plan, the strategy discussion notes and the last four visit records.',
    lifeForChild:
      'A fifteen-year-old who has been missing from home eight times in three months. They say they go to stay with friends because home is “all arguments”. The safety plan has been rewritten three times.',
    proportionate: 'too-little',
    proportionateWhy:
      'The risk of exploitation is rising, but the plan keeps being rewritten rather than stepped up.',
    goodEnough: 'no',
    goodEnoughWhy:
      'If my child was missing this often, I would want one clear plan that everyone sticks to.',
    strengths:
      'Return home interviews are done quickly, and the young person talks openly to the worker.',
    areasToDevelop:
      'Agree one plan with the police and school, and record how often it will be reviewed.',
  },
  {
    documentsRead:
      'The chronology, the last two child protection plans, the conference minutes and the last five visit records.',
    lifeForChild:
      'A ten-year-old, the eldest of three, in a family known to the council for eight years because of neglect. The home is cleaner than it was, but the child is still often late for school and is anxious about their younger brother, who has missed health appointments.',
    proportionate: 'too-little',
    proportionateWhy:
      'The plan sets the same actions as the last one. It does not say what must change, by when, or what happens if it does not.',
    goodEnough: 'no',
    goodEnoughWhy:
      'After eight years I would want to see a clear difference for the child, and I cannot see it in the record.',
    strengths: 'The chronology is thorough, and the worker has a good relationship with mum.',
    areasToDevelop:
      'Use a tool to measure neglect so that change, or the lack of it, is clear. Set timescales in the plan.',
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

/** The answers for a nominated child, chosen by the practitioner's reason so the two agree. */
function nominatedStory(kind: 'proud' | 'challenging', reason: string | null): ChildAnswers {
  const [reasons, stories] =
    kind === 'proud' ? [proudReasons, proudStories] : [challengingReasons, challengingStories];
  const index = Math.max(reason === null ? 0 : reasons.indexOf(reason), 0);
  const story = stories[index] ?? stories[0];
  if (!story) throw new Error(`The demo has no ${kind} child's story`);
  return story;
}

/** The services on a clock of the Spotlight's day, moved on as each person gets to their part. */
interface DayClock {
  services: Services;
  /** Sets the clock to this many minutes after midnight (UTC) on the day. */
  at(minutes: number): void;
}

function dayOf(services: Services, spotlight: Spotlight): DayClock {
  const clock = new FixedClock(`${spotlight.date}T09:00:00.000Z`);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    services: createServices({ database: services.database, config: services.config, clock }),
    at: (minutes) =>
      clock.set(`${spotlight.date}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00.000Z`),
  };
}

/** Minutes after midnight. */
const time = (hours: number, minutes: number) => hours * 60 + minutes;

/** A team member writes their record: themes, children, evidence, other notes; then submits. */
async function writeRecord(
  day: DayClock,
  spotlight: Spotlight,
  ctx: RequestContext,
  story: DemoRecordStory,
  reasons: readonly DemoAllocationRow[],
  start: number,
): Promise<Map<string, string>> {
  const { records, recordItems } = day.services;
  const minute = (n: number) => day.at(start + n);
  minute(0);
  const recordId = await records.mine(ctx, spotlight.id);
  const opened = await records.record(ctx, spotlight.id, recordId);
  const childOf = new Map(opened.children.map((c) => [c.kind, c]));
  for (const [i, recordChild] of opened.children.entries()) {
    minute(5 + 5 * i);
    const answers =
      recordChild.kind === 'random'
        ? story.random
        : recordChild.kind === 'proud' || recordChild.kind === 'challenging'
          ? nominatedStory(
              recordChild.kind,
              reasons.find((r) => r.id === recordChild.allocationId)?.reason ?? null,
            )
          : undefined;
    if (!answers) continue;
    await recordItems.saveChild(
      ctx,
      spotlight.id,
      recordId,
      recordChild.id,
      answers,
      recordChild.version,
    );
  }
  const evidenceIds = new Map<string, string>();
  for (const [i, item] of story.evidence.entries()) {
    minute(25 + 3 * i);
    const about = item.about ? childOf.get(item.about) : undefined;
    const id = await recordItems.addEvidence(ctx, spotlight.id, recordId, {
      theme: item.theme,
      source: item.source,
      kind: item.kind,
      seen: item.seen,
      childId: about?.id ?? null,
    });
    evidenceIds.set(item.key, id);
  }
  minute(45);
  let { version } = await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'themes',
    story.themes,
    opened.record.version,
  );
  minute(55);
  ({ version } = await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'other-notes',
    story.otherNotes,
    version,
  ));
  if (story.submits) {
    minute(60);
    await records.submit(ctx, spotlight.id, recordId, version);
  }
  return evidenceIds;
}

/** A demo sign-in in the Spotlight Team begins their record: a first note, a first child. */
async function beginRecord(
  day: DayClock,
  spotlight: Spotlight,
  ctx: RequestContext,
): Promise<void> {
  const { records, recordItems } = day.services;
  day.at(time(11, 15));
  const recordId = await records.mine(ctx, spotlight.id);
  const opened = await records.record(ctx, spotlight.id, recordId);
  await records.saveNotes(
    ctx,
    spotlight.id,
    recordId,
    'themes',
    demoBegunRecord.themes,
    opened.record.version,
  );
  const first = opened.children.find((c) => c.kind === 'random') ?? opened.children[0];
  if (!first) return;
  day.at(time(11, 40));
  await recordItems.saveChild(
    ctx,
    spotlight.id,
    recordId,
    first.id,
    {
      documentsRead: demoBegunRecord.random.documentsRead,
      lifeForChild: demoBegunRecord.random.lifeForChild,
      proportionate: null,
      proportionateWhy: '',
      goodEnough: null,
      goodEnoughWhy: '',
      strengths: '',
      areasToDevelop: '',
    },
    first.version,
  );
}

/** The Lead records the feedback given to the Team Manager and Head of Service. */
async function recordFeedback(
  day: DayClock,
  spotlight: Spotlight,
  lead: RequestContext,
): Promise<void> {
  const givenTo = [
    ...spotlight.team.managers.slice(0, 1),
    ...(spotlight.team.headOfService ? [spotlight.team.headOfService] : []),
  ].map((p) => p.id);
  if (givenTo.length === 0) return;
  day.at(time(16, 5));
  await day.services.feedback.save(
    lead,
    spotlight.id,
    {
      givenOn: spotlight.date,
      givenTo,
      othersPresent: `The Spotlight Team: ${listOf(spotlight.members.map((m) => m.name))}`,
      notes: demoFeedback.notes,
      suggestedActions: demoFeedback.suggestedActions,
    },
    0,
  );
}

/**
 * The afternoon of the Spotlight the demo senior leader leads, once its morning is recorded (each
 * member has children allocated) and while nothing of the afternoon is.
 */
export async function seedDemoAfternoon(services: Services): Promise<void> {
  const actors = await demoActors(services);
  const leader = actors.get('senior-leader');
  if (!leader) return;
  const spotlight = await demoLedSpotlight(services, leader);
  if (!spotlight || (await hasAfternoonRecords(services.database.db, spotlight.id))) return;
  const reasons = await listAllocationReasons(services.database.db, spotlight.id);
  if (reasons.length === 0) return;
  const signIns: SignIns = new Map(
    [...actors.values()].map((a): [string, Actor] => [a.personId, a]),
  );
  const day = dayOf(services, spotlight);

  const writers: PersonRef[] = spotlight.members.filter((m) => !signIns.has(m.id));
  const evidenceIds = new Map<string, string>();
  for (const [i, member] of writers.entries()) {
    const story = demoRecordStories[i % demoRecordStories.length];
    if (!story) continue;
    const ctx = demoContext(actorFor(member, signIns));
    const ids = await writeRecord(day, spotlight, ctx, story, reasons, time(12, 25 * i));
    for (const [key, id] of ids) if (!evidenceIds.has(key)) evidenceIds.set(key, id);
  }
  for (const member of spotlight.members.filter((m) => signIns.has(m.id))) {
    await beginRecord(day, spotlight, demoContext(actorFor(member, signIns)));
  }

  const lead = demoContext(leader);
  for (const [i, finding] of demoKeyFindings.entries()) {
    const restsOn = finding.restsOn.flatMap((key) => evidenceIds.get(key) ?? []);
    if (restsOn.length === 0) continue;
    day.at(time(14, 30 + 5 * i));
    await day.services.triangulation.addKeyFinding(lead, spotlight.id, finding.theme, {
      kind: finding.kind,
      text: finding.text,
      evidenceIds: restsOn,
    });
  }
  await recordFeedback(day, spotlight, lead);
}
