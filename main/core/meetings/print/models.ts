/**
 * The plain data the document producers print from. The meetings service builds these from the
 * database (the producers never read it), so every producer is a pure function of its model
 * apart from reading the font files.
 *
 * Dates are legal dates 'YYYY-MM-DD', times of day 'HH:MM', moments 'YYYY-MM-DDTHH:MM' on the UK
 * wall clock (shared/rules/working-hours.ts), as in the meetings tables.
 */

export type MeetingKind = 'board' | 'committee' | 'annual_general' | 'general' | 'class';
export type ItemPurpose = 'decision' | 'discussion' | 'information';
/** The paper types the app accepts (paper-type.ts checks a file really is one). */
export type PaperKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';

/** What every document says about the meeting in its heading. */
export interface MeetingHeading {
  organisationName: string;
  /** "Board of Directors", "Audit and Risk Committee", "Annual General Meeting 2026". */
  title: string;
  kind: MeetingKind;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 'HH:MM'. */
  startTime: string;
  endTime?: string | null;
  place?: string | null;
  /** How to attend by electronic means (CA 2006 s360A), e.g. "Microsoft Teams: link in the calendar invitation". */
  electronicMeans?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Board pack

export interface PackPaper {
  title: string;
  /** The name the file was uploaded with, "Q2 finance report.pdf". */
  fileName: string;
  /** The kind recorded when the paper was accepted; the pack still checks the bytes (paper-type.ts). */
  kind: PaperKind;
  bytes: Uint8Array;
}

export interface PackItem {
  title: string;
  presenter?: string | null;
  purpose: ItemPurpose;
  minutesAllotted?: number | null;
  /** 'HH:MM' the item is planned to start, if the agenda is timed. */
  startsAt?: string | null;
  papers: PackPaper[];
  /** Sub-items, numbered 4.1, 4.2 under item 4. One level deep, as agendas are. */
  children?: PackItem[];
}

export interface BoardPackModel {
  meeting: MeetingHeading;
  /** In agenda order; numbered 1, 2, 3 from here. */
  items: PackItem[];
  /** The legal date the pack was issued, printed on the cover. */
  issuedOn?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Notices

export type DeliveryMethod = 'post' | 'email' | 'hand';

/**
 * One person the notice went to, from the register on the date it was sent. `method` and
 * `address` are null for a director or committee member: notice of a directors' meeting need not
 * be in writing (Model Articles art 9(3)) and the app holds no officer's e-mail address, so the
 * notice names who was given it, not how.
 */
export interface NoticeRecipient {
  name: string;
  method: DeliveryMethod | null;
  /** The postal or e-mail address used. */
  address: string | null;
}

export interface NoticeResolution {
  kind: 'ordinary' | 'special';
  /** Short title, "Adoption of new articles of association". Optional. */
  title?: string | null;
  /** The full text, as it will be put to the meeting. Paragraph breaks as blank lines. */
  text: string;
  explanatoryNote?: string | null;
}

export interface GeneralMeetingNoticeModel {
  organisation: {
    name: string;
    /** Companies must state the proxy rights of CA 2006 s324-s325; a society follows its rules. */
    family: 'company' | 'society';
    /** CA 2006 s324(2): only a member of a company with a share capital may appoint several proxies, one per share or shares. */
    hasShareCapital: boolean;
    registeredNumber?: string | null;
    registeredOffice?: string | null;
  };
  meeting: MeetingHeading & { kind: 'annual_general' | 'general' | 'class'; className?: string | null };
  /** Other business, stated by its general nature (CA 2006 s311(2)): "To receive the accounts for the year ended 31 March 2026". */
  business?: string[];
  resolutions: NoticeResolution[];
  proxy: {
    /** For a society: whether its rules allow proxies (a company's members always may, s324). */
    allowed: boolean;
    /** The last moment an appointment can be received (CA 2006 s327: not more than 48 working hours before the meeting). */
    deadline?: string | null;
    /** Where appointments go: a postal and/or e-mail address. */
    lodgeWith?: string | null;
    /** Any more extensive right in the articles to appoint more than one proxy (s325(1)(b)), in the articles' words. */
    articlesExtraRights?: string | null;
  };
  /** The legal date of the notice. */
  noticeDate: string;
  secretaryName: string;
  /** Defaults to "Company Secretary" for a company and "Secretary" for a society. */
  secretaryTitle?: string | null;
  distribution: NoticeRecipient[];
}

export interface BoardNoticeModel {
  meeting: MeetingHeading;
  items: Array<Omit<PackItem, 'papers' | 'children'> & { children?: Array<Omit<PackItem, 'papers' | 'children'>> }>;
  noticeDate: string;
  secretaryName: string;
  secretaryTitle?: string | null;
  /** The directors (and others) it went to. */
  distribution?: NoticeRecipient[];
}

// ---------------------------------------------------------------------------------------------
// Rich text: the minutes' narrative. The meetings service converts Lexical's JSON into these.

export interface TextRun {
  /** A '\n' inside a run is a line break (Lexical's linebreak node). */
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ListItem {
  runs: TextRun[];
  /** A nested list under this item. */
  list?: ListBlock;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: TextRun[] }
  | { type: 'paragraph'; runs: TextRun[] }
  | ListBlock
  | {
      type: 'table';
      /** Whether the first row is a header row (printed in bold and repeated after a page break). */
      headerRow: boolean;
      rows: TextRun[][][];
    };

// ---------------------------------------------------------------------------------------------
// Minutes

export interface MinutesAttendee {
  name: string;
  /** "Chair", "Finance Director", "Staff Governor". */
  capacity?: string | null;
  electronically?: boolean;
  /** 'HH:MM', when they arrived after the start or left before the end. */
  arrived?: string | null;
  left?: string | null;
}

export interface MinutesDecision {
  /** The agenda item number it was taken under, "4.1". */
  item?: string | null;
  text: string;
  kind: 'board' | 'ordinary' | 'special';
  method?: 'board_vote' | 'show_of_hands' | 'poll' | 'written' | null;
  proposer?: string | null;
  seconder?: string | null;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  /** Named votes, where the board chose to record them. */
  named?: { for: string[]; against: string[]; abstain: string[] } | null;
  recused?: string[];
  /** As the service decided it: "Carried", "Carried on the chair's casting vote", "Not carried", "Passed as a special resolution". */
  outcome: string;
  /** Taken while the meeting was not quorate for the item, with the explicit flag (issue 7). */
  recordedNotQuorate?: boolean;
}

export interface MinutesAction {
  item?: string | null;
  description: string;
  owner: string;
  /** 'YYYY-MM-DD'. */
  dueOn?: string | null;
}

export interface MinutesModel {
  meeting: MeetingHeading;
  chairName: string;
  present: MinutesAttendee[];
  inAttendance: MinutesAttendee[];
  apologies: string[];
  absent?: string[];
  /** The quorum as the service found it, in words: "The meeting was quorate: 5 of the 3 directors needed were present (article 11)." */
  quorumStatement: string;
  declarations: Array<{ name: string; item?: string | null; nature: string }>;
  body: Block[];
  decisions: MinutesDecision[];
  actions: MinutesAction[];
  signature: {
    /** Who signed (the chair of this or the approving meeting). */
    signedBy: string;
    /** 'YYYY-MM-DD'. */
    signedOn: string;
  };
  seal: {
    /** The SHA-256 (hex) of the sealed record (minutes.sealed_sha256). */
    sha256: string;
    /** The audit event that sealed the minutes: its number and its hash. */
    auditSeq: number;
    auditHash: string;
    /** When the seal was made, an ISO-8601 UTC instant: the PDF's creation and modification date, so the same seal gives the same bytes. */
    sealedAt: string;
  };
}

/** Draft minutes (DOCX): the same facts without the seal and signature. */
export type DraftMinutesModel = Omit<MinutesModel, 'signature' | 'seal'>;
