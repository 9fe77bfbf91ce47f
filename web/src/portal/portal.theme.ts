import type { ThemeConfig } from 'antd';

/** Normal mode is already phone-first: 16 px text, 44 px touch targets. */
export const normalTheme: ThemeConfig = {
  token: { fontSize: 16, controlHeight: 44, controlHeightLG: 52, borderRadius: 8, colorPrimary: '#1557b0' },
};

/** Large mode: 22 px text, 60 px targets, black on white, dark blue actions (contrast > 7:1). */
export const largeTheme: ThemeConfig = {
  token: {
    fontSize: 22,
    fontSizeLG: 24,
    fontSizeHeading2: 34,
    fontSizeHeading3: 28,
    fontSizeHeading4: 25,
    controlHeight: 60,
    controlHeightLG: 68,
    borderRadius: 8,
    colorPrimary: '#002f87',
    colorText: '#000000',
    colorTextSecondary: '#111111',
    colorTextDescription: '#111111',
    colorTextTertiary: '#111111',
    colorTextPlaceholder: '#444444',
    colorBorder: '#000000',
    colorBgLayout: '#ffffff',
    colorLink: '#002f87',
    lineWidth: 2,
  },
};

/** Page styles not covered by theme tokens; the `portal-large` class is set on <html> in large mode. */
export const PORTAL_CSS = `
body { margin: 0; }
.portal-page { max-width: 720px; margin: 0 auto; padding: 12px 12px 48px; box-sizing: border-box; }
.portal-header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between;
  padding: 10px 12px; background: #1557b0; color: #fff; }
.portal-header a { color: #fff; text-decoration: none; font-weight: 700; font-size: 20px; }
.portal-tools { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.portal-tools label { min-height: 44px; padding: 0 6px; cursor: pointer; }
.portal-big-button { width: 100%; min-height: 72px; font-size: 22px !important; margin-bottom: 16px; white-space: normal; }
.portal-number { font-size: 36px; font-weight: 700; letter-spacing: 2px; font-family: ui-monospace, monospace; word-break: break-all; }
.portal-number .ant-typography { font-size: inherit; font-weight: inherit; }
.portal-number .ant-typography-copy { font-size: 20px; margin-left: 12px; }
.portal-choice .ant-radio-button-wrapper { min-width: 96px; text-align: center; margin: 0 8px 8px 0; border-radius: 8px; }
.portal-choice .ant-radio-button-wrapper::before { display: none; }
.portal-stage { font-size: 24px; font-weight: 700; }
.portal-step { font-weight: 600; }
.portal-page .ant-tag { font-size: 16px; padding: 2px 10px; }
html.portal-large body { background: #fff; color: #000; }
html.portal-large .portal-header { background: #000; }
html.portal-large .portal-header a { font-size: 26px; }
html.portal-large .portal-tools .ant-switch { transform: scale(1.4); margin: 0 8px; }
html.portal-large .portal-big-button { min-height: 88px; font-size: 28px !important; }
html.portal-large .portal-number { font-size: 44px; }
html.portal-large .portal-stage { font-size: 30px; }
html.portal-large .ant-tag { font-size: 22px; padding: 4px 12px; border: 2px solid #000 !important; color: #000 !important; }
html.portal-large .ant-card { border: 2px solid #000; }
html.portal-large a { text-decoration: underline; }
html.portal-large :focus-visible { outline: 4px solid #ffbf00 !important; outline-offset: 2px; }
`;
