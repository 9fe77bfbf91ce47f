import { useEffect, useRef, useState } from 'react';
import { App, Input, type InputRef } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import { errorText } from '../api/mutation';
import { fetchOrderDetail } from '../api/queries';
import { hasRole, useSession } from '../shell/session';
import { queueToolMessages } from './queues.messages';

/** A caller's number: a mobile (1 + 10 digits) or a landline with its area code (0…), dashes and spaces allowed. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8})$/;
/** 工单编号: yyMMdd + a sequence of at least four digits. */
const ORDER_NO = /^\d{10,}$/;

/** Where a typed search goes: an order, the list by caller, or the words search. */
export function searchTarget(text: string, mayLookUpPhones: boolean): { kind: 'order' | 'phone' | 'words'; value: string } {
  const value = text.trim();
  // A mobile number is also ten-plus digits: it is never taken for an order number; without pii.read it is words.
  if (PHONE.test(value))
    return mayLookUpPhones ? { kind: 'phone', value: value.replace(/[-\s]/g, '') } : { kind: 'words', value };
  if (ORDER_NO.test(value)) return { kind: 'order', value };
  return { kind: 'words', value };
}

/**
 * The header's search box (`/` focuses it): an order number opens the order, a phone number lists the
 * caller's orders — only for the roles of pii.read (operator, dispatcher, supervisor; the server
 * refuses the others) — and anything else searches the words on 工单查询.
 */
export function HeaderSearch() {
  const t = useT(queueToolMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useSession();
  const navigate = useNavigate();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
      if (e.key !== '/' || typing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Focus leaves the box once it has taken the reader somewhere, so `/` focuses it again.
  const done = () => {
    setText('');
    input.current?.blur();
  };
  const go = async (raw: string) => {
    const target = searchTarget(raw, hasRole(me, 'operator', 'dispatcher', 'supervisor'));
    if (!target.value) return;
    if (target.kind === 'order') {
      try {
        const detail = await fetchOrderDetail(target.value);
        navigate(`/orders/${detail.order.id}`);
        done();
      } catch (e) {
        void message.error(errorText(e, lang));
      }
      return;
    }
    const param = target.kind === 'phone' ? 'phone' : 'q';
    navigate(`/orders?${param}=${encodeURIComponent(target.value)}`);
    done();
  };
  return (
    <Input.Search
      ref={input}
      size="small"
      allowClear
      style={{ width: 280 }}
      placeholder={t('search.placeholder')}
      value={text}
      data-testid="header-search"
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => void go(v)}
    />
  );
}
