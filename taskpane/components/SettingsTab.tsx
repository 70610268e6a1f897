import * as React from 'react';
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles } from '@fluentui/react-components';
import { catalogFromWorkbook } from '../../src/catalog/catalog';
import { Lang } from '../../src/i18n/messages';
import { readXlsx } from '../../src/xlsx/read';
import { Settings } from '../actions';
import { WorkbookHost } from '../../src/host/types';
import { PackSettings } from './PackSettings';
import { tr } from '../i18n';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '12px' } });

export function SettingsTab({
  settings,
  onChange,
  host,
  restoreProblems,
}: {
  settings: Settings;
  onChange: (s: Settings) => void;
  host?: WorkbookHost;
  restoreProblems?: readonly string[];
}): React.JSX.Element {
  const styles = useStyles();
  const lang: Lang = settings.lang;
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const fileRef = React.useRef<HTMLInputElement>(null);
  const [catalogNote, setCatalogNote] = React.useState<string>(
    settings.catalog
      ? t('ui.settings.catalogLoaded', { n: settings.catalog.size, file: settings.catalog.source })
      : t('ui.settings.catalogBundled'),
  );

  const loadCatalog = async (file: File) => {
    try {
      const model = await readXlsx(new Uint8Array(await file.arrayBuffer()));
      const catalog = catalogFromWorkbook(model, file.name);
      onChange({ ...settings, catalog });
      setCatalogNote(t('ui.settings.catalogLoaded', { n: catalog.size, file: file.name }));
    } catch (e) {
      setCatalogNote(t('ui.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section aria-label={t('ui.tab.settings')} className={styles.stack}>
      <Field label={t('ui.settings.language')}>
        <RadioGroup
          value={settings.lang}
          onChange={(_e, d) => onChange({ ...settings, lang: d.value as Lang })}
          layout="horizontal"
        >
          <Radio value="zh" label="中文" data-testid="lang-zh" />
          <Radio value="en" label="English" data-testid="lang-en" />
        </RadioGroup>
      </Field>
      <Field label={t('ui.settings.tolerance')}>
        <RadioGroup
          value={settings.tolerance}
          onChange={(_e, d) => onChange({ ...settings, tolerance: d.value as Settings['tolerance'] })}
        >
          <Radio value="auto" label={t('ui.settings.toleranceAuto')} />
          <Radio value="fixed" label={t('ui.settings.toleranceFixed')} />
        </RadioGroup>
        {settings.tolerance === 'fixed' && (
          <Input
            aria-label={t('ui.settings.toleranceFixed')}
            value={settings.fixedTolerance}
            inputMode="decimal"
            onChange={(_e, d) => onChange({ ...settings, fixedTolerance: d.value })}
          />
        )}
      </Field>
      <Field label={t('ui.settings.zeroBase')}>
        <RadioGroup
          value={settings.zeroBase}
          onChange={(_e, d) => onChange({ ...settings, zeroBase: d.value as Settings['zeroBase'] })}
        >
          <Radio value="hundred" label={t('ui.settings.zeroHundred')} />
          <Radio value="error" label={t('ui.settings.zeroError')} />
          <Radio value="blank" label={t('ui.settings.zeroBlank')} />
        </RadioGroup>
      </Field>
      <Field label={t('ui.settings.catalog')}>
        <Text size={200}>{catalogNote}</Text>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={t('ui.settings.catalogLoad')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void loadCatalog(f);
          }}
        />
        <Button onClick={() => fileRef.current?.click()}>{t('ui.settings.catalogLoad')}</Button>
      </Field>
      <PackSettings settings={settings} onChange={onChange} host={host} restoreProblems={restoreProblems} />
    </section>
  );
}
