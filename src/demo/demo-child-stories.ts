// The demo's answers about the children workers nominated: one for each reason a practitioner
// gives in demo-children.ts, so that what the worker said and what the member found agree.
import type { ChildAnswers } from '../features/records/record-items.rules.js';
import { challengingReasons, proudReasons } from './demo-children.js';

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

/** The answers for a nominated child, chosen by the practitioner's reason so the two agree. */
export function nominatedStory(kind: 'proud' | 'challenging', reason: string | null): ChildAnswers {
  const [reasons, stories] =
    kind === 'proud' ? [proudReasons, proudStories] : [challengingReasons, challengingStories];
  const index = Math.max(reason === null ? 0 : reasons.indexOf(reason), 0);
  const story = stories[index] ?? stories[0];
  if (!story) throw new Error(`The demo has no ${kind} child's story`);
  return story;
}
