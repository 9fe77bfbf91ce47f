import { Card, ConfigProvider, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';

/** The staff console (issue #4 builds it out). */
export function ConsoleApp() {
  return (
    <ConfigProvider locale={zhCN}>
      <Card style={{ maxWidth: 480, margin: '80px auto' }}>
        <Typography.Title level={3}>连心桥 · 12345 政务服务便民热线</Typography.Title>
        <Typography.Paragraph>
          工单平台已启动。API 文档见 <a href="/api/docs">/api/docs</a>。
        </Typography.Paragraph>
      </Card>
    </ConfigProvider>
  );
}
