import { createContext, useContext, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Input, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { agentToolsMessages } from './agenttools.messages';
import { useOrderTextModules } from './agenttools-api';
import type { TextModuleDialog } from '../../shared/contract';
import { insertModule, matchModules, moduleQueryAt } from './text-module-trigger';

/** The order whose text modules a dialog's fields offer, and which dialog it is (set once by the dialog). */
export const TextModuleOrder = createContext<{ orderId: string; dialog: TextModuleDialog | null } | null>(null);

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  autoFocus?: boolean;
  'data-testid'?: string;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field of an order dialog where `::keyword` opens the order's text modules: typing filters,
 * ↑↓ choose, Enter inserts the filled text in place of `::keyword`, Esc closes (not the dialog).
 */
export function ModuleTextInput({ value = '', onChange, multiline, rows, autoFocus, ...rest }: Props) {
  const t = useT(agentToolsMessages);
  const scope = useContext(TextModuleOrder);
  const orderId = scope?.orderId ?? null;
  const [trigger, setTrigger] = useState<{ start: number; caret: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const field = useRef<Field | null>(null);
  const modules = useOrderTextModules(orderId ?? '', scope?.dialog ?? null, orderId !== null && trigger !== null);
  const hits = trigger ? matchModules(modules.data?.items ?? [], trigger.query) : [];

  function changed(e: ChangeEvent<Field>) {
    field.current = e.target;
    onChange?.(e.target.value);
    const caret = e.target.selectionStart ?? e.target.value.length;
    const found = orderId ? moduleQueryAt(e.target.value, caret) : null;
    setTrigger(found ? { ...found, caret } : null);
    setActive(0);
  }

  function insert(index: number) {
    const chosen = hits[index];
    if (!trigger || !chosen) return;
    const next = insertModule(value, trigger, chosen.text);
    onChange?.(next.text);
    setTrigger(null);
    requestAnimationFrame(() => field.current?.setSelectionRange(next.caret, next.caret));
  }

  function keyDown(e: KeyboardEvent<Field>) {
    field.current = e.currentTarget;
    if (!trigger) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => Math.min(i + 1, Math.max(hits.length - 1, 0))),
      ArrowUp: () => setActive((i) => Math.max(i - 1, 0)),
      Enter: () => insert(active),
      Escape: () => setTrigger(null),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    e.stopPropagation(); // Enter must not submit the form, Esc must not close the dialog
    move();
  }

  const common = { value, onChange: changed, onKeyDown: keyDown, autoFocus, ...rest };
  return (
    <div style={{ position: 'relative' }}>
      {multiline ? <Input.TextArea rows={rows} {...common} /> : <Input {...common} />}
      {trigger && (
        <div role="listbox" data-testid="text-module-popup" style={popupStyle}>
          {hits.length === 0 ? (
            <Typography.Text type="secondary">{t('modules.popupEmpty')}</Typography.Text>
          ) : (
            hits.map((m, i) => (
              <div
                key={m.id}
                role="option"
                aria-selected={i === active}
                data-testid={`text-module-${m.keyword}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(i);
                }}
                style={{ padding: '4px 8px', cursor: 'pointer', background: i === active ? '#e6f4ff' : undefined }}
              >
                <Typography.Text strong>::{m.keyword}</Typography.Text> <Typography.Text>{m.name}</Typography.Text>
                <div style={{ color: '#888', fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {m.text}
                </div>
              </div>
            ))
          )}
          <div style={{ color: '#aaa', fontSize: 12, padding: '2px 8px' }}>{t('modules.popupHint')}</div>
        </div>
      )}
    </div>
  );
}

const popupStyle = {
  position: 'absolute',
  top: '100%',
  left: 0,
  right: 0,
  zIndex: 1100,
  background: '#fff',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
  maxHeight: 260,
  overflowY: 'auto',
  padding: 4,
} as const;
