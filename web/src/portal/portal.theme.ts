/**
 * The portal's whole look, in plain CSS (no component library, ADR 0103). Normal mode is already
 * phone-first: 16 px text, 44 px touch targets. Large mode (`portal-large` on <html>): 22 px text,
 * 60 px targets, black on white, dark blue actions (contrast > 7:1).
 */
export const PORTAL_CSS = `
:root { --p-primary: #1557b0; --p-text: #1f1f1f; --p-muted: #595959; --p-border: #c8c8c8; --p-font: 16px; --p-control: 44px; --p-radius: 8px; }
html.portal-large { --p-primary: #002f87; --p-text: #000; --p-muted: #111; --p-border: #000; --p-font: 22px; --p-control: 60px; }
* { box-sizing: border-box; }
body { margin: 0; font: var(--p-font)/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--p-text); background: #f5f7fa; }
html.portal-large body { background: #fff; }
h2 { font-size: 1.6em; margin: 16px 0 12px; }
h3 { font-size: 1.15em; margin: 0; }
p { margin: 0 0 12px; }
.p-muted { color: var(--p-muted); }
.portal-page { max-width: 720px; margin: 0 auto; padding: 12px 12px 48px; }
.portal-header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between;
  padding: 10px 12px; background: var(--p-primary); color: #fff; }
html.portal-large .portal-header { background: #000; }
.portal-header a { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.25em; }
.portal-tools { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.portal-tools label { display: flex; align-items: center; gap: 6px; min-height: 44px; padding: 0 6px; cursor: pointer; }
.portal-tools input[type=checkbox] { width: 24px; height: 24px; }
.p-btn { min-height: var(--p-control); padding: 6px 16px; font: inherit; border: 1px solid var(--p-border); border-radius: var(--p-radius);
  background: #fff; color: var(--p-text); cursor: pointer; }
.p-btn-primary { background: var(--p-primary); border-color: var(--p-primary); color: #fff; }
.p-btn:disabled { opacity: .6; cursor: default; }
.p-btn-big { display: block; width: 100%; min-height: 72px; font-size: 1.375em; margin-bottom: 16px; white-space: normal; }
html.portal-large .p-btn-big { min-height: 88px; font-size: 28px; }
html.portal-large .p-btn, html.portal-large .p-card, html.portal-large input, html.portal-large textarea, html.portal-large select { border-width: 2px; }
.p-field { margin: 0 0 20px; border: 0; padding: 0; min-width: 0; }
.p-label { display: block; font-weight: 600; margin-bottom: 6px; padding: 0; }
.p-input { display: block; width: 100%; min-height: var(--p-control); padding: 8px 12px; font: inherit; color: inherit;
  border: 1px solid var(--p-border); border-radius: var(--p-radius); background: #fff; }
textarea.p-input { resize: vertical; }
.p-field-error .p-input { border-color: #cf1322; }
.p-below { display: flex; justify-content: space-between; gap: 12px; color: var(--p-muted); font-size: .9em; margin-top: 4px; }
.p-counter { margin-left: auto; white-space: nowrap; }
.p-counter.p-over { color: #cf1322; font-weight: 700; }
.p-error { color: #cf1322; margin-top: 4px; }
.p-choice { display: flex; flex-wrap: wrap; gap: 8px; }
.p-choice legend { width: 100%; }
.p-choice-item { position: relative; display: inline-flex; align-items: center; justify-content: center; min-width: 96px;
  min-height: var(--p-control); padding: 0 14px; border: 1px solid var(--p-border); border-radius: var(--p-radius); background: #fff; cursor: pointer; }
.p-choice-item input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.p-choice-item.p-checked { background: var(--p-primary); border-color: var(--p-primary); color: #fff; }
.p-choice-item:focus-within { outline: 3px solid #ffbf00; outline-offset: 2px; }
.p-check { display: flex; gap: 10px; align-items: flex-start; margin-bottom: 20px; }
.p-check input { width: 24px; height: 24px; flex: none; }
.p-card { background: #fff; border: 1px solid #e5e5e5; border-radius: var(--p-radius); margin-top: 16px; }
html.portal-large .p-card { border-color: #000; }
.p-card-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 12px 16px; border-bottom: 1px solid #eee; }
.p-card-body { padding: 12px 16px; }
.p-notice { padding: 10px 14px; border-radius: var(--p-radius); margin: 16px 0; border: 1px solid; }
.p-notice-error { background: #fff1f0; border-color: #ffa39e; }
.p-notice-warning { background: #fffbe6; border-color: #ffe58f; }
.p-notice-success { background: #f6ffed; border-color: #b7eb8f; }
.p-notice-info { background: #e6f4ff; border-color: #91caff; }
.p-tag { display: inline-block; padding: 2px 10px; margin: 0 8px 4px 0; border-radius: 4px; border: 1px solid; }
.p-tag-blue { color: #0958d9; background: #e6f4ff; border-color: #91caff; }
.p-tag-green { color: #389e0d; background: #f6ffed; border-color: #b7eb8f; }
.p-tag-orange { color: #d46b08; background: #fff7e6; border-color: #ffd591; }
html.portal-large .p-tag { border: 2px solid #000; color: #000; }
.p-steps { list-style: none; margin: 0; padding: 0; }
.p-steps li { position: relative; padding: 0 0 16px 24px; border-left: 2px solid #d9d9d9; margin-left: 6px; }
.p-steps li::before { content: ""; position: absolute; left: -7px; top: 6px; width: 12px; height: 12px; border-radius: 50%; background: #bfbfbf; }
.p-steps li:last-child { border-left-color: transparent; }
.p-steps li:last-child::before { background: var(--p-primary); }
.p-dl dt { color: var(--p-muted); font-size: .9em; }
.p-dl dd { margin: 0 0 10px; white-space: pre-wrap; word-break: break-word; }
.portal-number { font-size: 36px; font-weight: 700; letter-spacing: 2px; font-family: ui-monospace, monospace; word-break: break-all;
  display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
html.portal-large .portal-number { font-size: 44px; }
.portal-stage { font-size: 24px; font-weight: 700; }
html.portal-large .portal-stage { font-size: 30px; }
.portal-promised { font-size: 20px; font-weight: 700; color: var(--p-primary); }
.portal-step { font-weight: 600; }
.p-photos { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.p-photos img { width: 96px; height: 96px; object-fit: cover; border-radius: 4px; display: block; }
.p-photo { position: relative; }
.p-photo button { position: absolute; right: 2px; top: 2px; min-height: 32px; padding: 0 8px; font-size: 14px; }
.p-result { text-align: center; padding: 16px 0; }
.p-result .p-mark { font-size: 56px; color: #52c41a; line-height: 1; }
.p-list { list-style: none; padding: 0; margin: 0; }
.p-list li { padding: 12px 0; border-bottom: 1px solid #eee; }
html.portal-large a { text-decoration: underline; }
:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
html.portal-large :focus-visible { outline-width: 4px; }
`;
