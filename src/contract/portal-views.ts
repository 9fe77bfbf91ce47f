import type { Words } from './labels.js';
import type { MapTilesView } from './map.js';
import type { Satisfaction } from './vocabulary.js';

/**
 * The citizen portal's answers (src/portal) as the server returns them and the portal pages read them
 * (issue 12: one contract). Times are ISO strings: the portal's presenters format them themselves.
 */

/** What the submit form needs: the centre, its appeal types and active categories, the photo rules. */
export interface PortalInfo {
  centreName: string;
  appealTypes: readonly string[];
  categories: { id: string; parentId: string | null; name: string; level: number; aliases: string[] }[];
  maxPhotos: number;
  maxPhotoBytes: number;
  /** "My appeals" by a phone code is available (ADR 0104). */
  myAppeals: boolean;
  /** The map's configured base tiles (ADR 0187); null = the map draws our own outlines only. */
  map: MapTilesView | null;
}

/** The answer to a new appeal: its number and the query code that opens it again. */
export interface PortalReceipt {
  orderNo: string;
  queryCode: string;
  photos: number;
}

/** Order number and the 6-digit query code: together they are the citizen's key to the appeal. */
export interface PortalKey {
  orderNo: string;
  code: string;
}

/** What a citizen sees of an appeal: plain-word stage, public steps, the reply; caller masked. */
export interface PortalProgress {
  orderNo: string;
  title: string;
  content: string;
  appealType: string;
  address: string | null;
  acceptedAt: string;
  caller: { name: string | null; phone: string | null };
  stage: string;
  stageText: Words;
  steps: { step: string; at: string; text: Words }[];
  reply: {
    kind: 'reply' | 'answer' | 'not_accepted';
    /** resolved / partly / cannot, for a unit's reply. */
    result: string | null;
    text: string | null;
    /** Why an appeal was not accepted, in plain words. */
    reasonText: Words | null;
    at: string;
  } | null;
  /**
   * The latest 阶段性答复 while the appeal is still being handled (ADR 0121): what was done, why it is
   * not finished, and when the next feedback is due.
   */
  progressReport: { at: string; progress: string; reason: string; nextBy: string | null } | null;
  canRate: boolean;
  rating: { satisfaction: string; resolved: boolean; comment: string | null } | null;
  /** 承诺时限, ISO, while the appeal is being handled. */
  promisedBy: string | null;
  photos: number;
  /** The citizen's own photos, fetched with POST /api/portal/photos/:id and the same key. */
  photoIds: string[];
}

/** The citizen's rating of the handling, sent with the appeal's key. */
export interface PortalRating extends PortalKey {
  satisfaction: Satisfaction;
  resolved: boolean;
  comment?: string;
}

/** One appeal of a verified phone, with its query code so the progress page opens as usual. */
export interface MyAppeal {
  orderNo: string;
  queryCode: string;
  title: string;
  acceptedAt: string;
  stage: string;
  stageText: Words;
}
