import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Mentions } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import { useShowError } from '../api/mutation';
import { keys } from '../api/keys';
import { addNote, useMentionTargets, type MentionTargetView } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';
import { useDebounced } from '../knowledge/knowledge-api';

/** The ids behind the `@name` mentions still present in the text (a deleted mention notifies nobody). */
function mentionedIn(text: string, picked: MentionTargetView[]) {
  const kept = picked.filter((p) => text.includes(`@${p.name}`));
  const ids = (kind: MentionTargetView['kind']) => [...new Set(kept.filter((p) => p.kind === kind).map((p) => p.id))];
  return { mentionUserIds: ids('user'), mentionUnitIds: ids('unit') };
}

/** 内部备注: a note on the timeline for staff only; `@` offers colleagues and units, who get a notice. */
export function NotesCard({ orderId }: { orderId: string }) {
  const t = useT(agentToolsMessages);
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [picked, setPicked] = useState<MentionTargetView[]>([]);
  const [busy, setBusy] = useState(false);
  // Typed @names the server could not turn into a person or unit: shown until the next note.
  const [unresolved, setUnresolved] = useState<string[]>([]);
  const settled = useDebounced(query ?? '', 200);
  const targets = useMentionTargets(settled, query !== null).data?.items ?? [];

  async function submit() {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const r = await addNote(orderId, { text: text.trim(), ...mentionedIn(text, picked) });
      void message.success(r.notified > 0 ? `${t('notes.added')} · ${t('notes.notified', { n: r.notified })}` : t('notes.added'));
      setUnresolved([
        ...(r.unknown.length > 0 ? [t('notes.unknown', { names: r.unknown.join('、') })] : []),
        ...(r.ambiguous.length > 0 ? [t('notes.ambiguous', { names: r.ambiguous.join('、') })] : []),
      ]);
      setText('');
      setPicked([]);
      await client.invalidateQueries({ queryKey: keys.timeline(orderId) });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('notes.title')} size="small" style={{ marginTop: 16 }} data-testid="notes-card">
      <div>
        <Mentions
          rows={2}
          value={text}
          onChange={setText}
          placeholder={t('notes.placeholder')}
          onSearch={(q) => setQuery(q)}
          onSelect={(option) => {
            const target =
              targets.find((x) => `${x.kind}:${x.id}` === option.key) ?? targets.find((x) => x.name === option.value);
            if (target) setPicked((p) => [...p, target]);
          }}
          options={targets.map((x) => ({
            key: `${x.kind}:${x.id}`,
            value: x.name,
            label: (
              <span data-testid={`mention-option-${x.name}`}>
                {x.kind === 'unit' ? '🏢 ' : ''}
                {x.name}
                {x.detail ? <span style={{ color: '#999' }}> · {x.detail}</span> : null}
              </span>
            ),
          }))}
          data-testid="note-text"
        />
        <Button
          type="primary"
          onClick={() => void submit()}
          loading={busy}
          disabled={!text.trim()}
          data-testid="note-submit"
          style={{ marginTop: 8 }}
        >
          {t('notes.submit')}
        </Button>
        {unresolved.length > 0 && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setUnresolved([])}
            style={{ marginTop: 8 }}
            message={unresolved.map((line) => (
              <div key={line}>{line}</div>
            ))}
            data-testid="note-unresolved"
          />
        )}
      </div>
    </Card>
  );
}
