/** 设置 → 审核包 and 规则: load a bureau's pack of forms and formulas, and turn rules off or change their severity. */
import * as React from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Lang } from '../../src/i18n/messages';
import { PackError, RuleSetting } from '../../src/formulas/pack';
import { allRules } from '../../src/rules';
import { WorkbookHost } from '../../src/host/types';
import { Settings } from '../actions';
import { addPack, downloadText, inferredPack, removePack, savePackSettings } from '../packs';
import { tr } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '4px', margin: '4px 0' },
  item: { display: 'flex', alignItems: 'center', gap: '8px' },
  problem: { color: tokens.colorPaletteRedForeground1, whiteSpace: 'pre-wrap' },
  rules: { display: 'grid', gridTemplateColumns: '1fr auto', gap: '4px 8px', alignItems: 'center' },
});

export function PackSettings({
  settings,
  onChange,
  host,
  restoreProblems = [],
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
  const [problem, setProblem] = React.useState<string | undefined>();
  const [showRules, setShowRules] = React.useState(false);
  const [inferNotice, setInferNotice] = React.useState<string | undefined>();

  const saveInferred = async () => {
    if (!host) return;
    try {
      const res = await inferredPack(host, settings.packs);
      const written = res.tables.filter((x) => x.form).length;
      if (written === 0) {
        setInferNotice(t('ui.settings.inferNone'));
        return;
      }
      const file = lang === 'zh' ? '推断的审核包.txt' : 'inferred-pack.txt';
      downloadText(res.text, file);
      setInferNotice(t('ui.settings.inferSaved', { n: written, file }));
    } catch (e) {
      setInferNotice(t('ui.error', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const apply = async (next: Settings) => {
    onChange(next);
    if (host) await savePackSettings(host, next.packs, next.rules).catch(() => undefined);
  };

  const load = async (file: File) => {
    try {
      const packs = await addPack(settings.packs, new Uint8Array(await file.arrayBuffer()), file.name);
      setProblem(undefined);
      await apply({ ...settings, packs });
    } catch (e) {
      setProblem(
        e instanceof PackError ? e.message : t('ui.error', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  const rules = [...settings.packs.flatMap((p) => p.compiled.formulas.map((f) => f.rule)), ...allRules()];
  const seen = new Set<string>();
  const unique = rules.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  const changed = Object.keys(settings.rules).length;

  return (
    <>
      <Field label={t('ui.settings.packs')}>
        <Text size={200}>{t('ui.settings.packsIntro')}</Text>
        <div className={styles.list} data-testid="pack-list">
          {settings.packs.map((p) => (
            <div key={p.file} className={styles.item}>
              <Text size={200}>
                {t('ui.settings.packLoaded', {
                  name: p.compiled.pack.name,
                  file: p.file,
                  forms: p.compiled.pack.forms.length,
                  formulas: p.compiled.formulas.length,
                })}
              </Text>
              <Button
                size="small"
                onClick={() => void apply({ ...settings, packs: removePack(settings.packs, p.file) })}
              >
                {t('ui.settings.packRemove')}
              </Button>
            </div>
          ))}
        </div>
        {[...restoreProblems, ...(problem ? [problem] : [])].map((p, k) => (
          <Text key={k} size={200} role="alert" className={styles.problem}>
            {p}
          </Text>
        ))}
        <input
          ref={fileRef}
          type="file"
          accept=".txt,.pack,.json,.xlsx"
          hidden
          aria-label={t('ui.settings.packLoad')}
          data-testid="pack-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void load(f);
            e.target.value = '';
          }}
        />
        <Button onClick={() => fileRef.current?.click()}>{t('ui.settings.packLoad')}</Button>
        {host && (
          <Button data-testid="infer-save" onClick={() => void saveInferred()}>
            {t('ui.settings.inferSave')}
          </Button>
        )}
        {inferNotice && (
          <Text size={200} data-testid="infer-notice">
            {inferNotice}
          </Text>
        )}
      </Field>
      <Field label={t('ui.settings.rules')}>
        <Button size="small" onClick={() => setShowRules(!showRules)} aria-expanded={showRules}>
          {t(showRules ? 'ui.settings.rulesHide' : 'ui.settings.rulesShow', { n: changed })}
        </Button>
        {showRules && (
          <div className={styles.rules}>
            {unique.map((r) => (
              <React.Fragment key={r.id}>
                <Text size={200}>
                  {lang === 'zh' ? r.title.zh : r.title.en} <Text size={100}>({r.id})</Text>
                </Text>
                <Select
                  size="small"
                  aria-label={`${r.id} ${lang === 'zh' ? r.title.zh : r.title.en}`}
                  value={settings.rules[r.id] ?? ''}
                  onChange={(_e, d) => {
                    const next = { ...settings.rules };
                    if (d.value) next[r.id] = d.value as RuleSetting;
                    else delete next[r.id];
                    void apply({ ...settings, rules: next });
                  }}
                >
                  <option value="">{t('ui.settings.ruleDefault')}</option>
                  <option value="off">{t('ui.settings.ruleOff')}</option>
                  <option value="error">{t('ui.settings.ruleError')}</option>
                  <option value="warning">{t('ui.settings.ruleWarning')}</option>
                  <option value="info">{t('ui.settings.ruleInfo')}</option>
                </Select>
              </React.Fragment>
            ))}
          </div>
        )}
      </Field>
    </>
  );
}
