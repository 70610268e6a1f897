import * as React from 'react';
import { FluentProvider, Tab, TabList, Title3, makeStyles, webLightTheme } from '@fluentui/react-components';
import { ValidationResult } from '../src/engine/validate';
import { WorkbookHost } from '../src/host/types';
import { Lang } from '../src/i18n/messages';
import { DEFAULT_SETTINGS, Settings } from './actions';
import { AuditTab } from './components/AuditTab';
import { FillTab } from './components/FillTab';
import { NarrativeTab } from './components/NarrativeTab';
import { SettingsTab } from './components/SettingsTab';
import { TemplateTab } from './components/TemplateTab';
import { tr } from './i18n';
import { restorePackSettings } from './packs';
import { restoreBindings, saveBindings, withBinding } from './bindings';

const useStyles = makeStyles({
  root: { padding: '12px', minHeight: '100%', boxSizing: 'border-box' },
  tabs: { marginBottom: '8px' },
});

type TabId = 'audit' | 'fill' | 'template' | 'narrative' | 'settings';

export interface AppProps {
  host: WorkbookHost;
  /** Office's display language; Chinese unless it is English. */
  displayLanguage?: string;
  onDownloadReport?: (result: ValidationResult, lang: Lang) => void;
  /** Bumped by the ribbon buttons: run 一键审核 or open 填充. */
  command?: { name: 'validate' | 'fill'; seq: number };
  /** The 情况说明 that came with the package (the text of a published PDF), ready in 说明 to check. */
  narrative?: string;
}

export function initialLang(displayLanguage: string | undefined): Lang {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en' : 'zh';
}

/** The task pane: the same component in Excel and in the browser page. */
export function App({ host, displayLanguage, onDownloadReport, command, narrative }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<Settings>({ ...DEFAULT_SETTINGS, lang: initialLang(displayLanguage) });
  const [tab, setTab] = React.useState<TabId>('audit');
  const [restoreProblems, setRestoreProblems] = React.useState<string[]>([]);
  // The packs and rule settings this workbook remembers.
  React.useEffect(() => {
    let live = true;
    restorePackSettings(host)
      .then(({ packs, rules, problems }) => {
        if (!live) return;
        if (packs.length || Object.keys(rules).length) setSettings((s) => ({ ...s, packs, rules }));
        if (problems.length) setRestoreProblems(problems);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  // The sheets bound to a form (此表是…) this workbook remembers.
  React.useEffect(() => {
    let live = true;
    restoreBindings(host)
      .then((bindings) => {
        if (live && Object.keys(bindings).length) setSettings((s) => ({ ...s, bindings }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  const bind = React.useCallback(
    (sheet: string, id: string) => {
      setSettings((s) => {
        const bindings = withBinding(s.bindings, sheet, id);
        void saveBindings(host, bindings).catch(() => undefined);
        return { ...s, bindings };
      });
    },
    [host],
  );
  const lang = settings.lang;
  React.useEffect(() => {
    if (command) setTab(command.name === 'validate' ? 'audit' : 'fill');
  }, [command]);
  const t = (key: string) => tr(lang, key);
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Title3 as="h1">{t('ui.title')}</Title3>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, d) => setTab(d.value as TabId)}
        aria-label={t('ui.title')}
      >
        <Tab value="audit" data-testid="tab-audit">
          {t('ui.tab.audit')}
        </Tab>
        <Tab value="fill" data-testid="tab-fill">
          {t('ui.tab.fill')}
        </Tab>
        <Tab value="template" data-testid="tab-template">
          {t('ui.tab.template')}
        </Tab>
        <Tab value="narrative" data-testid="tab-narrative">
          {t('ui.tab.narrative')}
        </Tab>
        <Tab value="settings" data-testid="tab-settings">
          {t('ui.tab.settings')}
        </Tab>
      </TabList>
      <div hidden={tab !== 'audit'}>
        <AuditTab
          host={host}
          settings={settings}
          lang={lang}
          onDownload={onDownloadReport ? (r) => onDownloadReport(r, lang) : undefined}
          autoRun={command?.name === 'validate' ? command.seq : undefined}
          onBind={bind}
        />
      </div>
      <div hidden={tab !== 'fill'}>
        <FillTab
          host={host}
          settings={settings}
          lang={lang}
          autoRun={command?.name === 'fill' ? command.seq : undefined}
        />
      </div>
      <div hidden={tab !== 'template'}>
        <TemplateTab host={host} lang={lang} />
      </div>
      <div hidden={tab !== 'narrative'}>
        <NarrativeTab host={host} lang={lang} initialText={narrative} />
      </div>
      <div hidden={tab !== 'settings'}>
        <SettingsTab settings={settings} onChange={setSettings} host={host} restoreProblems={restoreProblems} />
      </div>
    </FluentProvider>
  );
}
