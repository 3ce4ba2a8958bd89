// The guidance's five themes, with its prompt questions ("Types of evidence Spotlight teams may wish
// to consider and questions they may wish to ask"), and the words the Team Member Information
// Record and the triangulation board use for sources of evidence and judgements.

export const themeKeys = [
  'culture',
  'practice',
  'quality-assurance',
  'oversight',
  'systemic',
] as const;
export type ThemeKey = (typeof themeKeys)[number];

export interface Theme {
  key: ThemeKey;
  /** The member_record column that holds the member's notes on this theme. */
  column: 'culture' | 'practice' | 'quality_assurance' | 'oversight' | 'systemic';
  /** The form field name (camelCase). */
  field: 'culture' | 'practice' | 'qualityAssurance' | 'oversight' | 'systemic';
  /** Short name for tags, tables and links. */
  name: string;
  /** The guidance's question, for headings. */
  question: string;
  /** The guidance's prompts, as hints. Not an exhaustive list. */
  prompts: readonly string[];
}

export const themes: readonly Theme[] = [
  {
    key: 'culture',
    column: 'culture',
    field: 'culture',
    name: 'Culture of the team',
    question: 'What is the culture of the team?',
    prompts: [
      'Staff turnover.',
      'Is supervision strength based, reflexive, challenging and supportive?',
      'Is the atmosphere calm and orderly?',
      'How is technology embraced?',
      'What team building activities are undertaken?',
      'Are interactions you observe with families and colleagues respectful?',
      'Do the team own the action plan?',
      'How do they engage with team meetings, do they happen in the absence of the manager, what purpose do they serve?',
      'How do the team celebrate success?',
      'How do people respond in a crisis?',
    ],
  },
  {
    key: 'practice',
    column: 'practice',
    field: 'practice',
    name: 'Quality of practice',
    question: 'What is the quality of practice in the team?',
    prompts: [
      'What does performance data tell you about compliance? How do the team use this data?',
      'How are research, methods and tools used?',
      'Comments from observations of practice.',
      'Can workers identify a piece of work they are proud of?',
      'Quality of case records (record the case numbers viewed and the documents read).',
      'How did the worker decide how often to visit?',
      'Is supervision reflexive, challenging and supportive?',
    ],
  },
  {
    key: 'quality-assurance',
    column: 'quality_assurance',
    field: 'qualityAssurance',
    name: 'How the team quality assures its work',
    question:
      'How does the team quality assure their work and use this learning to develop practice?',
    prompts: [
      'How do teams gather feedback, is this meaningful, how does it inform practice?',
      'What feedback is given to workers when managers authorise reports?',
      'Numbers of complaints and compliments. What are the themes, how do they inform practice?',
      'How are training needs identified, how is learning from training shared?',
      'How often are dip reviews carried out and how do the findings affect practice?',
      'What do practice reviews say about practice, how have managers and workers responded to the findings?',
      'How are team meetings and other forums used to share information?',
    ],
  },
  {
    key: 'oversight',
    column: 'oversight',
    field: 'oversight',
    name: 'Management oversight, challenge and support',
    question: 'How do managers oversee, challenge and support the work of the team?',
    prompts: [
      'Do the views of the manager reflect the findings of the team?',
      'Workforce planning and stability of the management team.',
      'Direct observations and supervision records: quality and timeliness.',
      'Engagement with team meetings: are there minutes?',
      'Presence and engagement of the ISRO: do they attend team meetings, how many resolutions?',
      'What is the budget position of the team?',
    ],
  },
  {
    key: 'systemic',
    column: 'systemic',
    field: 'systemic',
    name: 'Systemic issues',
    question: 'How do systemic issues affect the team?',
    prompts: [
      'How are staffing levels managed?',
      'Review of the transfer process and records.',
      'Discussions with other Team Managers about experiences of working together.',
      'Review of children recently transferred: how was it managed, is there a transfer form?',
      'How are duty arrangements managed?',
      'How do the team build positive relationships with partner agencies?',
    ],
  },
];

export function isThemeKey(value: unknown): value is ThemeKey {
  return typeof value === 'string' && (themeKeys as readonly string[]).includes(value);
}

export function themeOf(key: ThemeKey): Theme {
  const theme = themes.find((t) => t.key === key);
  if (!theme) throw new Error(`Unknown theme ${key}`);
  return theme;
}

/** Where a piece of evidence came from (the guidance's "types of evidence"). */
export const evidenceSources = [
  'case-record',
  'conversation',
  'observation',
  'performance-data',
  'document',
  'complaint-compliment-review',
  'team-environment',
] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export const evidenceSourceNames: Record<EvidenceSource, string> = {
  'case-record': 'Case record',
  conversation: 'Conversation with staff',
  observation: 'Observation of practice',
  'performance-data': 'Performance data',
  document: 'Document',
  'complaint-compliment-review': 'Complaint, compliment or practice review',
  'team-environment': 'Team environment',
};

export function isEvidenceSource(value: unknown): value is EvidenceSource {
  return typeof value === 'string' && (evidenceSources as readonly string[]).includes(value);
}

/** A strength, or an area for development. */
export const evidenceKinds = ['strength', 'area'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindNames: Record<EvidenceKind, string> = {
  strength: 'Strength',
  area: 'Area for development',
};
export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === 'string' && (evidenceKinds as readonly string[]).includes(value);
}

/** Is the help proportionate: are we intervening too much, or too little, in the child's life? */
export const proportionateAnswers = ['too-much', 'about-right', 'too-little'] as const;
export type ProportionateAnswer = (typeof proportionateAnswers)[number];
export const proportionateNames: Record<ProportionateAnswer, string> = {
  'too-much': 'Too much',
  'about-right': 'About right',
  'too-little': 'Too little',
};

/** Would this be good enough for my own family? */
export const goodEnoughAnswers = ['yes', 'no'] as const;
export type GoodEnoughAnswer = (typeof goodEnoughAnswers)[number];
export const goodEnoughNames: Record<GoodEnoughAnswer, string> = { yes: 'Yes', no: 'No' };

/** Why the member reviewed the child. */
export const childKinds = ['random', 'proud', 'challenging', 'other'] as const;
export type ChildKind = (typeof childKinds)[number];
export const childKindNames: Record<ChildKind, string> = {
  random: 'Chosen at random',
  proud: 'A worker is proud of',
  challenging: 'A worker found challenging',
  other: 'Also reviewed',
};

/** The record's other notes, besides the themes, in the order the form shows them. */
export const otherNotes = [
  {
    column: 'learning',
    field: 'learning',
    name: 'Complaints, compliments, practice reviews and audits',
    hint: 'Which you reviewed, what the team learnt from them and how practice has changed.',
  },
  {
    column: 'conversations',
    field: 'conversations',
    name: 'Conversations with team members and other Team Managers',
    hint: 'Who you spoke to (by role), what they told you, and how teams work together.',
  },
  {
    column: 'observations',
    field: 'observations',
    name: 'Observations of the team',
    hint: 'The culture of the team, display boards, the environment.',
  },
] as const;
