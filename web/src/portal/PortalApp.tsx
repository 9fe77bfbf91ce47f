import { Card, ConfigProvider, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';

/** The public citizen portal (issue #4 builds it out). */
export function PortalApp() {
  return (
    <ConfigProvider locale={zhCN}>
      <Card style={{ maxWidth: 480, margin: '80px auto' }}>
        <Typography.Title level={3}>12345 网上诉求</Typography.Title>
      </Card>
    </ConfigProvider>
  );
}
