import * as React from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  displayValue,
  FillProposal,
  fillWrites,
  HeldCell,
  proposeFills,
  RoundingCell,
  undoWrites,
} from '../../src/fill/fill';
import { WorkbookHost } from '../../src/host/types';
import { Lang } from '../../src/i18n/messages';
import { formatAmount } from '../../src/amount/format';
import { engineOptions, Settings } from '../actions';
import { tr } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginTop: '8px' },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '4px 0' },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

export function FillTab({
  host,
  settings,
  lang,
  autoRun,
}: {
  host: WorkbookHost;
  settings: Settings;
  lang: Lang;
  autoRun?: number;
}): React.JSX.Element {
  const styles = useStyles();
  const t = (key: string, p?: Record<string, string | number>) => tr(lang, key, p);
  const [proposals, setProposals] = React.useState<FillProposal[] | undefined>();
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [history, setHistory] = React.useState<FillProposal[][]>([]);
  const [notice, setNotice] = React.useState<string | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [held, setHeld] = React.useState<HeldCell[]>([]);
  const [rounding, setRounding] = React.useState<RoundingCell[]>([]);

  const compute = React.useCallback(async () => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const model = await host.read();
      const res = proposeFills(model, engineOptions(settings));
      const ps = res.proposals;
      setProposals(ps);
      setHeld(res.held);
      setRounding(res.rounding);
      // Empty derived cells are ticked; changing a value the user typed needs their tick.
      setSelected(new Set(ps.filter((p) => p.kind === 'empty').map((p) => p.id)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [host, settings]);

  React.useEffect(() => {
    if (autoRun) void compute();
  }, [autoRun, compute]);

  /**
   * After a failed write (a protected sheet, a cell being edited): Excel may have applied part of
   * the batch, so read the workbook again, and say what happened.
   */
  const failed = async (key: string, e: unknown) => {
    const reason = e instanceof Error ? e.message : String(e);
    await compute();
    setNotice(undefined);
    setError(t(key, { message: reason }));
  };

  const apply = async () => {
    if (!proposals) return;
    const chosen = proposals.filter((p) => selected.has(p.id));
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await host.write(fillWrites(chosen));
    } catch (e) {
      // Keep the undo record for the whole batch: undoing a cell that was not written puts back
      // what it still holds, so undo is right whichever part was written.
      setHistory((h) => [...h, chosen]);
      await failed('ui.fill.applyFailed', e);
      return;
    } finally {
      setBusy(false);
    }
    setHistory((h) => [...h, chosen]);
    setNotice(t('ui.fill.applied', { n: chosen.length }));
    setProposals(proposals.filter((p) => !selected.has(p.id)));
    setSelected(new Set());
  };

  const undo = async () => {
    const last = history[history.length - 1];
    if (!last) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await host.write(undoWrites(last));
    } catch (e) {
      // The record stays, so the undo can be tried again.
      await failed('ui.fill.undoFailed', e);
      return;
    } finally {
      setBusy(false);
    }
    setHistory((h) => h.slice(0, -1));
    setNotice(t('ui.fill.undone', { n: last.length }));
    setProposals(undefined);
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const empty = proposals?.filter((p) => p.kind === 'empty').length ?? 0;
  const wrong = proposals?.filter((p) => p.kind === 'wrong').length ?? 0;
  return (
    <section aria-label={t('ui.tab.fill')}>
      <Text as="p" size={200}>
        {t('ui.fill.intro')}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={compute} disabled={busy} data-testid="fill-propose">
          {t('ui.fill.propose')}
        </Button>
        <Button onClick={undo} disabled={busy || history.length === 0} data-testid="fill-undo">
          {t('ui.fill.undo')}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('ui.error', { message: error })}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {proposals && proposals.length === 0 && held.length === 0 && rounding.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t('ui.fill.none')}</MessageBarBody>
        </MessageBar>
      )}
      {proposals && proposals.length === 0 && (held.length > 0 || rounding.length > 0) && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="fill-nothing">{t('ui.fill.nothingToWrite')}</MessageBarBody>
        </MessageBar>
      )}
      {proposals && rounding.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="fill-rounding">{t('ui.fill.rounding', { n: rounding.length })}</MessageBarBody>
        </MessageBar>
      )}
      {proposals && held.length > 0 && (
        <>
          <Text as="p" weight="semibold" data-testid="fill-held-count">
            {t('ui.fill.held', { n: held.length })}
          </Text>
          <ul className={styles.list} data-testid="fill-held">
            {held.map((h) => (
              <li key={h.id} className={styles.item}>
                <Text block>{`${h.id}：${formatAmount(h.stated)} ≠ ${formatAmount(h.sum)}`}</Text>
                <Caption1 block>{lang === 'zh' ? h.why.zh : h.why.en}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {proposals && proposals.length > 0 && (
        <>
          <Text as="p" data-testid="fill-count">
            {t('ui.fill.count', { n: proposals.length, empty, wrong })}
          </Text>
          <div className={styles.row}>
            <Checkbox
              label={t('ui.fill.selectAll')}
              checked={selected.size === proposals.length ? true : selected.size === 0 ? false : 'mixed'}
              onChange={(_e, d) => setSelected(d.checked ? new Set(proposals.map((p) => p.id)) : new Set())}
            />
            <Button
              appearance="primary"
              onClick={apply}
              disabled={busy || selected.size === 0}
              data-testid="fill-apply"
            >
              {t('ui.fill.apply', { n: selected.size })}
            </Button>
          </div>
          <ul className={styles.list} data-testid="fill-list">
            {proposals.map((p) => (
              <li key={p.id} className={styles.item}>
                <Checkbox
                  checked={selected.has(p.id)}
                  onChange={(_e, d) => toggle(p.id, !!d.checked)}
                  label={`${p.id}：${p.old ? displayValue(p.old.formula ?? p.old.value) : `（${t('ui.fill.empty')}）`} → ${formatAmount(p.value)}`}
                  data-testid="fill-item"
                />
                <Caption1 block className={styles.formula}>
                  {p.formula}
                  {p.kind === 'wrong' ? ` · ${t('ui.fill.wrong')}` : ''}
                </Caption1>
                <Caption1 block>{lang === 'zh' ? p.reason.zh : p.reason.en}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
