import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { departmentWorkbook } from '../../src/generate/department';
import { fundWorkbook } from '../../src/generate/si';
import { WorkbookHost } from '../../src/host/types';
import { Lang } from '../../src/i18n/messages';
import { tr } from '../i18n';

type Kind = 'dept' | 'si-a' | 'si-b';

/** 模板: insert the standard sheets (department, or a fund set in either style) into the workbook. */
export function TemplateTab({ host, lang }: { host: WorkbookHost; lang: Lang }): React.JSX.Element {
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const [org, setOrg] = React.useState('');
  const [year, setYear] = React.useState('');
  const [kind, setKind] = React.useState<Kind>('dept');
  const [notice, setNotice] = React.useState<string | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const insert = async () => {
    setError(undefined);
    try {
      const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : undefined;
      const model =
        kind === 'dept'
          ? departmentWorkbook({ organisation: org, year: y, class234: y !== undefined && y <= 2024 })
          : fundWorkbook(kind === 'si-a' ? 'a' : 'b', { organisation: org || undefined, year: y });
      for (const sheet of model.sheets) await host.addSheet(sheet);
      setNotice(t('ui.template.inserted', { n: model.sheets.length }));
    } catch (e) {
      setError(t('ui.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <section aria-label={t('ui.tab.template')}>
      <Text as="p" size={200}>
        {t('ui.template.intro')}
      </Text>
      <Field label={t('ui.template.kind')}>
        <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
          <Radio value="dept" label={t('ui.template.dept')} />
          <Radio value="si-a" label={t('ui.template.siA')} />
          <Radio value="si-b" label={t('ui.template.siB')} />
        </RadioGroup>
      </Field>
      <Field label={t('ui.template.org')}>
        <Input value={org} onChange={(_e, d) => setOrg(d.value)} />
      </Field>
      <Field label={t('ui.template.year')}>
        <Input value={year} inputMode="numeric" onChange={(_e, d) => setYear(d.value)} placeholder="2025" />
      </Field>
      <Button appearance="primary" onClick={insert} style={{ marginTop: 8 }} data-testid="template-insert">
        {t('ui.template.insert')}
      </Button>
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
