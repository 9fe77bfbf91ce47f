import { Button, Layout, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { LangSwitch } from '../shell/LangSwitch';
import { shellMessages } from '../shell/shell.messages';
import { hasRole, useLogout, useSession } from '../shell/session';
import { useMyTasks, type Task } from './grid-api';
import { gridMessages } from './grid.messages';
import { usePosition } from './geolocation';
import { ReportForm } from './ReportForm';
import { TaskAnswer } from './TaskAnswer';
import { TaskList } from './TaskList';

/**
 * 网格工作台 (issue 18): the grid worker's phone page — the verification tasks of their grids with the
 * 2-hour clock, answered from the site with result, note, photo and position — and 上报 for every grid
 * person. A grid reporter (楼栋长、联户长、骑手) sees only 上报. Its own narrow frame: it is used at
 * 360 px on a phone, where the console's side menu and header do not fit.
 */
export function GridDeskPage() {
  const me = useSession();
  const t = useT(gridMessages);
  const worker = hasRole(me, 'gridworker');
  const { position, retry } = usePosition();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <DeskHeader />
      <Layout.Content style={{ padding: 12, width: '100%', maxWidth: 560, margin: '0 auto' }}>
        {worker ? (
          <Tabs
            size="large"
            centered
            data-testid="grid-tabs"
            items={[
              { key: 'tasks', label: t('tab.tasks'), children: <Tasks position={position} retry={retry} /> },
              { key: 'report', label: t('tab.report'), children: <ReportForm position={position} retry={retry} /> },
            ]}
          />
        ) : (
          <ReportForm position={position} retry={retry} />
        )}
      </Layout.Content>
    </Layout>
  );
}

function DeskHeader() {
  const me = useSession();
  const t = useT(gridMessages);
  const s = useT(shellMessages);
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 12px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        height: 56,
        lineHeight: '56px',
      }}
    >
      <Typography.Text strong style={{ fontSize: 16, flex: 'none' }}>
        {t('title')}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="current-user">
        {me.displayName}
      </Typography.Text>
      <LangSwitch />
      <Button
        size="small"
        data-testid="logout"
        onClick={async () => {
          await logout();
          navigate('/login', { replace: true });
        }}
      >
        {s('logout')}
      </Button>
    </Layout.Header>
  );
}

function Tasks(props: { position: ReturnType<typeof usePosition>['position']; retry: () => void }) {
  const tasks = useMyTasks(true);
  const [open, setOpen] = useState<Task | null>(null);
  if (tasks.isLoading) return <Spin style={{ display: 'block', marginTop: 40 }} />;
  if (open) return <TaskAnswer task={open} position={props.position} retry={props.retry} onDone={() => setOpen(null)} />;
  return <TaskList tasks={tasks.data?.items ?? []} position={props.position} onOpen={setOpen} />;
}
