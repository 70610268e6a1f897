import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { departmentWorkbook } from '../../src/generate/department';
import { WorkbookHost } from '../../src/host/types';
import { Lang } from '../../src/i18n/messages';
import { tr } from '../i18n';

export function TemplateTab({ host, lang }: { host: WorkbookHost; lang: Lang }): React.JSX.Element {
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const [org, setOrg] = React.useState('');
  const [notice, setNotice] = React.useState<string | undefined>();
  const insert = async () => {
    const model = departmentWorkbook({ organisation: org });
    for (const sheet of model.sheets) await host.addSheet(sheet);
    setNotice(t('ui.template.inserted', { n: model.sheets.length }));
  };
  return (
    <section aria-label={t('ui.tab.template')}>
      <Text as="p" size={200}>
        {t('ui.template.intro')}
      </Text>
      <Field label={t('ui.template.org')}>
        <Input value={org} onChange={(_e, d) => setOrg(d.value)} />
      </Field>
      <Button appearance="primary" onClick={insert} style={{ marginTop: 8 }}>
        {t('ui.template.insert')}
      </Button>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
