import * as React from 'react';
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Divider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Finding, Severity } from '../../src/engine/types';
import { ValidationResult } from '../../src/engine/validate';
import { SavedFill, WorkbookHost } from '../../src/host/types';
import { Lang } from '../../src/i18n/messages';
import { groupFindings, insertReport, markFindings, runAudit, Settings, Stage } from '../actions';
import { tr } from '../i18n';
import { Decimal } from '../../src/amount/decimal';
import { formatAmount } from '../../src/amount/format';
import { ruleTitle } from '../../src/rules';
import { bindChoices } from '../bindings';

/** An exact amount of a finding as the disclosure prints it: `1,114.27`, `-9.00` (more decimals kept). */
export function shownAmount(exact: string): string {
  let d: Decimal;
  try {
    d = new Decimal(exact);
  } catch {
    return exact;
  }
  return formatAmount(d, { decimals: Math.min(6, Math.max(2, d.decimalPlaces())) });
}

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginTop: '8px' },
  finding: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    padding: '6px 8px',
    marginTop: '6px',
    cursor: 'pointer',
    font: 'inherit',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  numbers: { display: 'flex', gap: '12px', flexWrap: 'wrap', color: tokens.colorNeutralForeground3, marginTop: '2px' },
  sheet: { marginTop: '12px' },
  list: { listStyle: 'none', padding: 0, margin: 0 },
});

const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface AuditTabProps {
  host: WorkbookHost;
  settings: Settings;
  lang: Lang;
  /** The browser page offers the report as a download too. */
  onDownload?: (result: ValidationResult) => void;
  /** Set by the ribbon's 一键审核 button: run once mounted. */
  autoRun?: number;
  /** 此表是…: the user binds a sheet to a form (an empty id unbinds it); the audit runs again. */
  onBind?: (sheet: string, id: string) => void;
}

export function AuditTab({ host, settings, lang, onDownload, autoRun, onBind }: AuditTabProps): React.JSX.Element {
  const styles = useStyles();
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const [stage, setStage] = React.useState<Stage | undefined>();
  const [result, setResult] = React.useState<ValidationResult | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [notice, setNotice] = React.useState<string | undefined>();
  const [show, setShow] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [marks, setMarks] = React.useState<SavedFill[]>([]);
  const busy = stage !== undefined && stage !== 'done';

  const run = React.useCallback(async () => {
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await runAudit(host, settings, (s) => setStage(s));
      setResult(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStage(undefined);
    }
  }, [host, settings]);

  React.useEffect(() => {
    if (autoRun) void run();
  }, [autoRun, run]);

  // A sheet bound or unbound after a check: check again with the binding.
  const bindingsKey = JSON.stringify(settings.bindings ?? {});
  const lastBindings = React.useRef(bindingsKey);
  React.useEffect(() => {
    if (lastBindings.current === bindingsKey) return;
    lastBindings.current = bindingsKey;
    if (result) void run();
  }, [bindingsKey]);

  const visible = (result?.findings ?? []).filter((f) => show[f.severity]);
  const groups = groupFindings(visible);

  const go = async (f: Finding) => {
    if (!f.sheet || !f.cell) return;
    try {
      await host.select(f.sheet, f.cell);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const exportReport = async () => {
    if (!result) return;
    const name = await insertReport(host, result, lang);
    setNotice(t('ui.audit.exported', { sheet: name }));
    onDownload?.(result);
  };

  const mark = async () => {
    if (!result) return;
    const saved = await markFindings(host, result.findings);
    setMarks((m) => [...m, ...saved]);
  };

  const clearMarks = async () => {
    await host.unmark(marks);
    setMarks([]);
  };

  const sheetName = (s: string) => (s ? s : t('ui.audit.package'));

  return (
    <section aria-label={t('ui.tab.audit')}>
      <Text as="p" size={200}>
        {t('ui.audit.intro')}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={busy} data-testid="audit-run">
          {result ? t('ui.audit.rerun') : t('ui.audit.run')}
        </Button>
        {busy && <Spinner size="tiny" label={stage === 'read' ? t('ui.audit.reading') : t('ui.audit.checking')} />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('ui.error', { message: error })}</MessageBarBody>
        </MessageBar>
      )}
      {result && !busy && (
        <>
          <div className={styles.row} data-testid="audit-counts" aria-live="polite">
            <Badge color="danger">{t('ui.count.error', { n: result.summary.errors })}</Badge>
            <Badge color="warning">{t('ui.count.warning', { n: result.summary.warnings })}</Badge>
            <Badge color="informative">{t('ui.count.info', { n: result.summary.infos })}</Badge>
          </div>
          <div className={styles.row} role="group" aria-label={t('ui.audit.filter')}>
            {(['error', 'warning', 'info'] as Severity[]).map((s) => (
              <Checkbox
                key={s}
                label={t(`ui.severity.${s}`)}
                checked={show[s]}
                onChange={(_e, d) => setShow((x) => ({ ...x, [s]: !!d.checked }))}
              />
            ))}
          </div>
          <div className={styles.row}>
            <Button onClick={exportReport} data-testid="audit-export">
              {t('ui.audit.export')}
            </Button>
            <Button onClick={mark} disabled={result.findings.length === 0}>
              {t('ui.audit.mark')}
            </Button>
            <Button onClick={clearMarks} disabled={marks.length === 0}>
              {t('ui.audit.clearMarks')}
            </Button>
          </div>
          {notice && (
            <MessageBar intent="success">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {result.findings.length === 0 && (
            <MessageBar intent="success">
              <MessageBarBody>{t('ui.audit.none')}</MessageBarBody>
            </MessageBar>
          )}
          <div data-testid="findings">
            {groups.map((g) => (
              <div key={g.sheet} className={styles.sheet}>
                <Text weight="semibold">{sheetName(g.sheet)}</Text>
                {g.rules.map((r) => (
                  <div key={r.rule}>
                    <Caption1 data-testid="rule-heading">{`${ruleTitle(r.rule)[lang]}（${r.rule}）`}</Caption1>
                    <ul className={styles.list}>
                      {r.findings.map((f, i) => (
                        <li key={`${f.cell}-${i}`}>
                          <button
                            type="button"
                            className={styles.finding}
                            onClick={() => go(f)}
                            data-testid="finding"
                            aria-label={
                              f.cell
                                ? `${t('ui.audit.goto', { sheet: f.sheet, cell: f.cell })}: ${lang === 'zh' ? f.message : f.messageEn}`
                                : undefined
                            }
                          >
                            <Badge size="small" color={SEVERITY_COLOR[f.severity]}>
                              {tr(lang, `ui.severity1.${f.severity}`)}
                            </Badge>{' '}
                            {f.cell && <Text weight="semibold">{f.cell} </Text>}
                            <Text>{lang === 'zh' ? f.message : f.messageEn}</Text>
                            {(f.expected !== undefined || f.actual !== undefined) && (
                              <span className={styles.numbers}>
                                {f.expected !== undefined && (
                                  <span>{`${t('ui.finding.expected')} ${shownAmount(f.expected)}`}</span>
                                )}
                                {f.actual !== undefined && (
                                  <span>{`${t('ui.finding.actual')} ${shownAmount(f.actual)}`}</span>
                                )}
                                {f.difference !== undefined && (
                                  <span>{`${t('ui.finding.difference')} ${shownAmount(f.difference)}`}</span>
                                )}
                              </span>
                            )}
                            {f.hint && (
                              <Caption1
                                block
                              >{`${t('ui.finding.hint')}：${lang === 'zh' ? f.hint : (f.hintEn ?? f.hint)}`}</Caption1>
                            )}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            ))}
          </div>
          <Divider style={{ marginTop: 12 }} />
          <Caption1 block>{t('ui.audit.sheets')}</Caption1>
          <ul className={styles.list} data-testid="sheets">
            {result.sheets.map((s, i) => {
              const bound = settings.bindings?.[s.name];
              // 此表是…: offered on a sheet not recognised, and on one already bound (to change or undo it).
              const offer = onBind && (bound !== undefined || (!s.template && !!s.reason));
              const first = result.sheets.findIndex((x) => x.name === s.name) === i;
              return (
                <li key={`${s.name}-${i}`}>
                  <Caption1>
                    {s.name}:{' '}
                    {s.template ? s.title : `${t('ui.audit.unrecognized')} — ${lang === 'zh' ? s.reason : s.reasonEn}`}
                  </Caption1>
                  {offer && first && (
                    <div className={styles.row}>
                      <label>
                        <Caption1>{t('ui.bind.label')} </Caption1>
                        <select
                          data-testid="bind-select"
                          data-sheet={s.name}
                          aria-label={`${s.name} ${t('ui.bind.label')}`}
                          value={bound ?? ''}
                          onChange={(e) => onBind(s.name, e.target.value)}
                        >
                          <option value="">{t('ui.bind.auto')}</option>
                          {bindChoices(settings.packs, lang).map((g) => (
                            <optgroup key={g.family} label={g.family}>
                              {g.choices.map((c) => (
                                <option key={c.id} value={c.id}>
                                  {c.label}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </select>
                      </label>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
