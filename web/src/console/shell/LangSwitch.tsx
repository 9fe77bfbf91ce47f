import { Button } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { shellMessages } from './shell.messages';

/** 中文 ⇄ English; the choice is remembered in the browser. */
export function LangSwitch() {
  const { lang, setLang } = useLang();
  const t = useT(shellMessages);
  return (
    <Button size="small" data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('language')}
    </Button>
  );
}
