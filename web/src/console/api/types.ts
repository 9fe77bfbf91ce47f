/**
 * Shapes of the core API as the console reads them: the contract the server's presenters are checked
 * against (src/contract). Named here as the console calls them; nothing is redeclared.
 */
import type {
  CategoryNodeView,
  MeView,
  OrderDetailView,
  OrderListView,
  OrderView,
  RegionNodeView,
  SubCentresView,
  TimelineEventView,
  TimelineView,
  UnitNodeView,
  UserListItemView,
} from '../../shared/contract';

export type {
  AppealType,
  Channel,
  OrderAction,
  OrderState,
  Role,
  Stage,
  TextFragment,
  TimelineEventKind,
  AssignmentView as Assignment,
  DeadlineView as StageDeadline,
  OrderSearchHitView as OrderSearchHit,
  OrderSearchResultView as OrderSearchResult,
} from '../../shared/contract';
export { APPEAL_TYPES, CHANNELS, OPEN_STATES, ORDER_STATES, ROLES as ALL_ROLES } from '../../shared/contract';

export type Me = MeView;
export type Order = OrderView;
export type OrderList = OrderListView;
export type OrderDetail = OrderDetailView;
export type TimelineEvent = TimelineEventView;
export type Timeline = TimelineView;
export type UnitNode = UnitNodeView;
export type SubCentres = SubCentresView;
export type CategoryNode = CategoryNodeView;
export type RegionNode = RegionNodeView;
/** A listed user; create and edit answer with camelCase names, which the admin page also reads. */
export type UserRow = Partial<UserListItemView> &
  Pick<UserListItemView, 'id' | 'username' | 'roles'> & {
    displayName?: string;
    unitId?: string;
  };
