import { Alert } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { errorText } from '../api/mutation';
import { knowledgeMessages } from './knowledge.messages';

/** A failed lookup at intake says so: "nothing found" would tell the operator there is nothing. */
export function LookupUnavailable({ error }: { error: unknown }) {
  const t = useT(knowledgeMessages);
  const { lang } = useLang();
  return (
    <Alert
      type="warning"
      showIcon
      title={`${t('assist.unavailable')}${errorText(error, lang)}`}
      data-testid="assist-unavailable"
    />
  );
}
