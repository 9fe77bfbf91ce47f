import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { OrderPage } from './orders/OrderPage';
import { OrderSearchPage } from './orders/OrderSearchPage';
import { IntakePage } from './intake/IntakePage';
import { DispatchPage } from './dispatch/DispatchPage';
import { UnitInboxPage } from './unit/UnitInboxPage';
import { ReviewPage } from './supervisor/ReviewPage';
import { VisitsPage } from './supervisor/VisitsPage';

// Screens of occasional use and of other capabilities (charts, editors) load on first visit, so the
// operator's and the unit's desks start fast.
const AssessmentPage = lazy(() => import('./analytics/AssessmentPage').then((m) => ({ default: m.AssessmentPage })));
const DashboardPage = lazy(() => import('./analytics/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const HotIssuesPage = lazy(() => import('./analytics/HotIssuesPage').then((m) => ({ default: m.HotIssuesPage })));
const ReportsPage = lazy(() => import('./analytics/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const WallScreenPage = lazy(() => import('./analytics/WallScreenPage').then((m) => ({ default: m.WallScreenPage })));
const KnowledgePage = lazy(() => import('./knowledge/KnowledgePage').then((m) => ({ default: m.KnowledgePage })));
const CalendarAdminPage = lazy(() => import('./timelimits/CalendarAdminPage').then((m) => ({ default: m.CalendarAdminPage })));
const TextModulesAdminPage = lazy(() =>
  import('./agenttools/TextModulesAdminPage').then((m) => ({ default: m.TextModulesAdminPage })),
);
const SupervisionBoardPage = lazy(() =>
  import('./timelimits/SupervisionBoardPage').then((m) => ({ default: m.SupervisionBoardPage })),
);
const RetentionAdminPage = lazy(() => import('./admin/RetentionAdminPage').then((m) => ({ default: m.RetentionAdminPage })));
const TimeLimitAdminPage = lazy(() => import('./timelimits/TimeLimitAdminPage').then((m) => ({ default: m.TimeLimitAdminPage })));
const UnitsAdminPage = lazy(() => import('./admin/UnitsAdminPage').then((m) => ({ default: m.UnitsAdminPage })));
const AuditPage = lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const SubCentresAdminPage = lazy(() => import('./admin/SubCentresAdminPage').then((m) => ({ default: m.SubCentresAdminPage })));
const ApiClientsAdminPage = lazy(() =>
  import('./apiclients/ApiClientsAdminPage').then((m) => ({ default: m.ApiClientsAdminPage })),
);
const ImportAdminPage = lazy(() => import('./imports/ImportAdminPage').then((m) => ({ default: m.ImportAdminPage })));
const UsersAdminPage = lazy(() => import('./admin/UsersAdminPage').then((m) => ({ default: m.UsersAdminPage })));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => ({ default: m.AccountPage })));
const CategoriesAdminPage = lazy(() => import('./admin/CategoriesAdminPage').then((m) => ({ default: m.CategoriesAdminPage })));
const CatalogueAdminPage = lazy(() => import('./catalogue/CatalogueAdminPage').then((m) => ({ default: m.CatalogueAdminPage })));
const CatalogueReportPage = lazy(() =>
  import('./catalogue/CatalogueReportPage').then((m) => ({ default: m.CatalogueReportPage })),
);
const ChecksPage = lazy(() => import('./checks/ChecksPage').then((m) => ({ default: m.ChecksPage })));
const EnterprisePage = lazy(() => import('./enterprise/EnterprisePage').then((m) => ({ default: m.EnterprisePage })));
const CitizenNoticesPage = lazy(() => import('./notices/CitizenNoticesPage').then((m) => ({ default: m.CitizenNoticesPage })));
const ChannelsAdminPage = lazy(() => import('./channels/ChannelsAdminPage').then((m) => ({ default: m.ChannelsAdminPage })));
const LineReportPage = lazy(() => import('./channels/LineReportPage').then((m) => ({ default: m.LineReportPage })));
const OrdersMapPage = lazy(() => import('./map/OrdersMapPage').then((m) => ({ default: m.OrdersMapPage })));
const LeaderPage = lazy(() => import('./leader/LeaderPage').then((m) => ({ default: m.LeaderPage })));
const GridAdminPage = lazy(() => import('./grid/GridAdminPage').then((m) => ({ default: m.GridAdminPage })));
const GridDeskPage = lazy(() => import('./grid/GridDeskPage').then((m) => ({ default: m.GridDeskPage })));
const PointsPage = lazy(() => import('./points/PointsPage').then((m) => ({ default: m.PointsPage })));
const WishesPage = lazy(() => import('./wishes/WishesPage').then((m) => ({ default: m.WishesPage })));
const MattersPage = lazy(() => import('./matters/MattersPage').then((m) => ({ default: m.MattersPage })));

/** Every signed-in screen; the pages of other capabilities are routed here and built by their owners. */
export function ConsoleRoutes() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
      <Routes>
        {/* The grid desk is a phone page with its own narrow frame (issue 18). */}
        <Route path="grid" element={<GridDeskPage />} />
        <Route element={<ConsoleLayout />}>
          <Route path="intake" element={<IntakePage />} />
          <Route path="dispatch" element={<DispatchPage />} />
          <Route path="unit" element={<UnitInboxPage />} />
          <Route path="review" element={<ReviewPage />} />
          <Route path="visits" element={<VisitsPage />} />
          <Route path="checks" element={<ChecksPage />} />
          <Route path="enterprise" element={<EnterprisePage />} />
          <Route path="supervision" element={<SupervisionBoardPage />} />
          <Route path="leader" element={<LeaderPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="wall" element={<WallScreenPage />} />
          <Route path="map" element={<OrdersMapPage />} />
          <Route path="assessment" element={<AssessmentPage />} />
          <Route path="hot" element={<HotIssuesPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="knowledge" element={<KnowledgePage />} />
          <Route path="orders" element={<OrderSearchPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="admin/units" element={<UnitsAdminPage />} />
          <Route path="admin/sub-centres" element={<SubCentresAdminPage />} />
          <Route path="admin/users" element={<UsersAdminPage />} />
          <Route path="admin/api-clients" element={<ApiClientsAdminPage />} />
          <Route path="admin/import" element={<ImportAdminPage />} />
          <Route path="admin/grids" element={<GridAdminPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="admin/categories" element={<CategoriesAdminPage />} />
          <Route path="admin/timelimits" element={<TimeLimitAdminPage />} />
          <Route path="admin/retention" element={<RetentionAdminPage />} />
          <Route path="admin/calendar" element={<CalendarAdminPage />} />
          <Route path="admin/text-modules" element={<TextModulesAdminPage />} />
          <Route path="admin/catalogue" element={<CatalogueAdminPage />} />
          <Route path="catalogue/report" element={<CatalogueReportPage />} />
          <Route path="notices" element={<CitizenNoticesPage />} />
          <Route path="admin/channels" element={<ChannelsAdminPage />} />
          <Route path="channels/report" element={<LineReportPage />} />
          <Route path="points" element={<PointsPage />} />
          <Route path="wishes" element={<WishesPage />} />
          <Route path="matters" element={<MattersPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
