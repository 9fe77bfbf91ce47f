import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { TextFragment } from '../shared/contract';
import { useT } from '../shared/i18n';
import { usePublicArticle, usePublicKnowledgeSearch } from './knowledge-api';
import { knowledgeMessages } from './knowledge.messages';
import { Button, Notice } from './ui';

const Marked = ({ parts }: { parts: TextFragment[] }) => (
  <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>
);

/** 常见问题: one search box, the hits (or the most read) as plain links — light for a slow phone. */
export function KnowledgeSearchPage() {
  const t = useT(knowledgeMessages);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const hits = usePublicKnowledgeSearch(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const items = hits.data?.items ?? [];
  const navigate = useNavigate();
  // A search that found nothing fitting is not a dead end: the citizen's own words become the title.
  const report = () => navigate(q ? `/portal/submit?${new URLSearchParams({ title: q }).toString()}` : '/portal/submit');
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="p-muted">{t('lead')}</p>
      <form onSubmit={submit} role="search" style={{ display: 'flex', gap: 8 }}>
        <input
          type="search"
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('placeholder')}
          aria-label={t('search')}
          data-testid="kb-q"
          // The portal's own field look: the browser's default was small type (and a phone zooms in on it).
          className="p-input"
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button primary type="submit" data-testid="kb-search">
          {t('search')}
        </Button>
      </form>
      {!q && items.length > 0 && <h3>{t('popular')}</h3>}
      {hits.isSuccess && items.length === 0 && <Notice kind="info">{t('none')}</Notice>}
      <ol data-testid="kb-hits" style={{ paddingLeft: 20 }}>
        {items.map((h) => (
          <li key={h.id} style={{ marginBottom: 12 }}>
            <Link to={`/portal/kb/${h.id}`} data-testid="kb-hit">
              <Marked parts={h.title} />
            </Link>
            <div className="p-muted">
              <Marked parts={h.excerpt} />
            </div>
          </li>
        ))}
      </ol>
      {q && hits.isSuccess && (
        <>
          {items.length > 0 && <p className="p-muted">{t('notHere')}</p>}
          <Button big primary={items.length === 0} onClick={report} data-testid="kb-report">
            {t('report')}
          </Button>
        </>
      )}
    </section>
  );
}

/** One answer, then "did this answer your question?" — 不是，我要反映 opens the appeal form pre-filled. */
export function KnowledgeArticlePage() {
  const t = useT(knowledgeMessages);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [thanked, setThanked] = useState(false);
  const article = usePublicArticle(id);
  if (article.isError) return <Notice kind="warning">{t('notFound')}</Notice>;
  const a = article.data;
  if (!a) return null;
  const report = () => {
    const params = new URLSearchParams({ title: a.title.slice(0, 200), content: t('prefill', { title: a.title }) });
    navigate(`/portal/submit?${params.toString()}`);
  };
  return (
    <article data-testid="kb-article">
      <h2>{a.title}</h2>
      <p className="p-muted">
        {t('updated', { date: a.updatedAt.slice(0, 10) })} · {t('views', { n: a.views })}
      </p>
      <p style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} data-testid="kb-body">
        {a.body}
      </p>
      <h3>{t('helpful')}</h3>
      {thanked ? (
        <Notice kind="success">{t('thanks')}</Notice>
      ) : (
        <>
          <Button big onClick={() => setThanked(true)} data-testid="kb-yes">
            {t('yes')}
          </Button>
          <Button big primary onClick={report} data-testid="kb-no">
            {t('no')}
          </Button>
        </>
      )}
      <p>
        <Link to="/portal/kb">{t('back')}</Link>
      </p>
    </article>
  );
}
