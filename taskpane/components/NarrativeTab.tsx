import * as React from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { Finding } from '../../src/engine/types';
import { bundledCatalog } from '../../src/catalog/catalog';
import { repairCodes } from '../../src/engine/repair';
import { WorkbookHost } from '../../src/host/types';
import { Lang } from '../../src/i18n/messages';
import { checkNarrative } from '../../src/narrative/check';
import { draftNarrative, Figures, figuresOf, yearNotice } from '../../src/narrative/draft';
import { recognizeWorkbook } from '../../src/recognize/recognize';
import { readXlsx } from '../../src/xlsx/read';
import { tr } from '../i18n';

/** 说明: draft the 情况说明 from the open workbook (and last year's), or check a pasted one. */
export function NarrativeTab({
  host,
  lang,
  initialText,
}: {
  host: WorkbookHost;
  lang: Lang;
  /** a 情况说明 that came with the package (a PDF's text), shown ready to check */
  initialText?: string;
}): React.JSX.Element {
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const [text, setText] = React.useState(initialText ?? '');
  const [draft, setDraft] = React.useState('');
  const [findings, setFindings] = React.useState<Finding[] | undefined>();
  const [prior, setPrior] = React.useState<
    { figures: Figures; names: Map<string, string[]>; file: string } | undefined
  >();
  const [error, setError] = React.useState<string | undefined>();
  /** The budget year typed by the clerk ('' to read it from the package). */
  const [yearText, setYearText] = React.useState('');
  const [yearInfo, setYearInfo] = React.useState<{ zh: string; en: string } | undefined>();
  const fileRef = React.useRef<HTMLInputElement>(null);

  const tables = async () => {
    const { tables: ts } = recognizeWorkbook(await host.read());
    repairCodes(ts, bundledCatalog());
    return ts;
  };
  const run = async (f: () => Promise<void>) => {
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(t('ui.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section aria-label={t('ui.tab.narrative')}>
      <Text as="p" size={200}>
        {t('ui.narrative.intro')}
      </Text>
      <input
        ref={fileRef}
        type="file"
        accept=".xlsx"
        hidden
        aria-label={t('ui.narrative.prior')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            void run(async () => {
              const { tables: ts } = recognizeWorkbook(await readXlsx(new Uint8Array(await file.arrayBuffer())));
              setPrior({ ...figuresOf(ts), file: file.name });
            });
        }}
      />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
        <Button onClick={() => fileRef.current?.click()}>{t('ui.narrative.prior')}</Button>
        <Button
          appearance="primary"
          data-testid="narrative-draft"
          onClick={() =>
            run(async () => {
              const ts = await tables();
              const year = /^(19|20)\d{2}$/.test(yearText.trim()) ? Number(yearText.trim()) : undefined;
              setYearInfo(yearNotice(ts, year));
              setDraft(draftNarrative(ts, prior?.figures ?? new Map(), { priorNames: prior?.names, year }));
            })
          }
        >
          {t('ui.narrative.draft')}
        </Button>
      </div>
      <Field label={t('ui.narrative.year')} hint={t('ui.narrative.yearHint')} style={{ marginTop: 8, maxWidth: 200 }}>
        <Input
          value={yearText}
          onChange={(_e, d) => setYearText(d.value)}
          placeholder="2025"
          inputMode="numeric"
          data-testid="narrative-year"
        />
      </Field>
      {prior && <Caption1 block>{t('ui.narrative.priorLoaded', { file: prior.file })}</Caption1>}
      {yearInfo && (
        <Caption1 block data-testid="narrative-year-info">
          {lang === 'zh' ? yearInfo.zh : yearInfo.en}
        </Caption1>
      )}
      {draft && (
        <Field label={t('ui.narrative.draftLabel')}>
          <Textarea value={draft} readOnly resize="vertical" rows={12} data-testid="narrative-draft-text" />
        </Field>
      )}
      <Field label={t('ui.narrative.paste')} style={{ marginTop: 12 }}>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" rows={6} />
      </Field>
      <Button
        style={{ marginTop: 8 }}
        disabled={!text.trim()}
        data-testid="narrative-check"
        onClick={() => run(async () => setFindings(checkNarrative(text, await tables()).findings))}
      >
        {t('ui.narrative.check')}
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t('ui.narrative.ok')}</MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length > 0 && (
        <ul data-testid="narrative-findings" style={{ paddingLeft: 16 }}>
          {findings.map((f, i) => (
            <li key={i}>
              <Text>
                {`[${tr(lang, `ui.severity1.${f.severity}`)}] ${f.rule} ${lang === 'zh' ? f.message : f.messageEn}`}
              </Text>
              {f.line !== undefined && <Caption1 block>{t('ui.narrative.line', { line: f.line })}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
