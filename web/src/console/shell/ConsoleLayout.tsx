import { Badge, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { shellMessages } from './shell.messages';
import { labels } from '../common/labels.messages';
import { useLiveUpdates } from '../live/useLiveUpdates';
import { LangSwitch } from './LangSwitch';
import { MentionBell } from '../agenttools/MentionBell';
import { mayVisit, navFor } from './nav';
import { HeaderSearch } from '../queues/HeaderSearch';
import { hasRole, useLogout, useSession } from './session';
import { useCallPopper } from '../calls/useCallPopper';

const CURRENT_USER_STYLE = {
  display: 'inline-block',
  maxWidth: 300,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'middle',
} as const;

/** The frame of every signed-in screen: role-based menu on the left, user, language and live status on top. */
export function ConsoleLayout() {
  const me = useSession();
  const t = useT(shellMessages);
  const l = useT(labels);
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const live = useLiveUpdates();
  // The roles that take calls (call.record): their intake opens on the call the CTI gives them.
  useCallPopper(hasRole(me, 'operator', 'dispatcher', 'supervisor'), live);
  const items = navFor(me.roles).map((item) => ({ key: item.path, label: t(item.label) }));
  const userLine = `${me.displayName} · ${me.unitName} · ${me.roles.map((r) => l(`role.${r}`)).join('、')}`;
  const selected = items.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('appShort')} 12345</div>
        <Menu mode="inline" items={items} selectedKeys={selected} onClick={(e) => navigate(e.key)} data-testid="console-nav" />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
          }}
        >
          <Typography.Text strong ellipsis style={{ minWidth: 0, flex: '0 1 auto', marginRight: 16 }}>
            {t('appName')}
          </Typography.Text>
          <Space size="middle" style={{ flex: 'none' }}>
            {/* Finding orders is for those who read them: not the system, security or audit administrator (ADR 0157). */}
            {mayVisit(me.roles, '/orders') && <HeaderSearch />}
            <Tooltip title={live ? t('live.on') : t('live.off')}>
              <Badge status={live ? 'success' : 'default'} data-testid="live-status" data-live={live ? 'on' : 'off'} />
            </Tooltip>
            <MentionBell />
            {/* One line at 1280 even for a long unit name: cut with … and the whole text on hover. */}
            <span data-testid="current-user" title={userLine} style={CURRENT_USER_STYLE}>
              {userLine}
            </span>
            <LangSwitch />
            <Button
              size="small"
              data-testid="logout"
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              {t('logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
