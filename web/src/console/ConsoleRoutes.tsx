import { Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { AssessmentPage } from './analytics/AssessmentPage';
import { DashboardPage } from './analytics/DashboardPage';
import { HotIssuesPage } from './analytics/HotIssuesPage';
import { ReportsPage } from './analytics/ReportsPage';
import { WallScreenPage } from './analytics/WallScreenPage';
import { KnowledgePage } from './knowledge/KnowledgePage';
import { CalendarAdminPage } from './timelimits/CalendarAdminPage';
import { SupervisionBoardPage } from './timelimits/SupervisionBoardPage';
import { TimeLimitAdminPage } from './timelimits/TimeLimitAdminPage';
import { OrderPage } from './orders/OrderPage';
import { OrderSearchPage } from './orders/OrderSearchPage';
import { IntakePage } from './intake/IntakePage';
import { DispatchPage } from './dispatch/DispatchPage';
import { UnitInboxPage } from './unit/UnitInboxPage';
import { ReviewPage } from './supervisor/ReviewPage';
import { VisitsPage } from './supervisor/VisitsPage';
import { LeaderPage } from './leader/LeaderPage';
import { UnitsAdminPage } from './admin/UnitsAdminPage';
import { UsersAdminPage } from './admin/UsersAdminPage';
import { CategoriesAdminPage } from './admin/CategoriesAdminPage';

/** Every signed-in screen; the pages of other capabilities are routed here and built by their owners. */
export function ConsoleRoutes() {
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        <Route path="intake" element={<IntakePage />} />
        <Route path="dispatch" element={<DispatchPage />} />
        <Route path="unit" element={<UnitInboxPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="visits" element={<VisitsPage />} />
        <Route path="supervision" element={<SupervisionBoardPage />} />
        <Route path="leader" element={<LeaderPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="wall" element={<WallScreenPage />} />
        <Route path="assessment" element={<AssessmentPage />} />
        <Route path="hot" element={<HotIssuesPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="knowledge" element={<KnowledgePage />} />
        <Route path="orders" element={<OrderSearchPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        <Route path="admin/units" element={<UnitsAdminPage />} />
        <Route path="admin/users" element={<UsersAdminPage />} />
        <Route path="admin/categories" element={<CategoriesAdminPage />} />
        <Route path="admin/timelimits" element={<TimeLimitAdminPage />} />
        <Route path="admin/calendar" element={<CalendarAdminPage />} />
      </Route>
    </Routes>
  );
}
