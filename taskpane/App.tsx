import * as React from 'react';
import { FluentProvider, webLightTheme, Title3, Body1, Caption1 } from '@fluentui/react-components';

const FUNCTIONS: [string, string][] = [
  ['BUDGET.YOY(current, prior, [zero_base])', '同比增减率'],
  ['BUDGET.CHANGE(current, prior)', '增减额'],
  ['BUDGET.RATIO(part, whole)', '占比'],
  ['BUDGET.SHARES(parts, [decimals], [balance])', '各项占比'],
  ['BUDGET.BALANCE(opening, income, expenditure, [other_in], [other_out])', '滚存结余'],
  ['BUDGET.MONTHS(balance, annual_expenditure)', '可支付月数'],
  ['BUDGET.ROUND(value, [digits])', '四舍五入'],
  ['BUDGET.NUM(text)', '文本转数字'],
  ['BUDGET.DESCRIBE(current, prior, [label], [unit])', '标准句式'],
  ['BUDGET.SUMCHECK(total, items)', '合计核对'],
];

/** The task pane. Validation, filling and the other tabs arrive with the task pane issue. */
export function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
      <Title3 as="h1">预算公开审核</Title3>
      <Body1 as="p">在单元格中输入 =BUDGET. 使用预算函数。</Body1>
      <ul aria-label="预算函数">
        {FUNCTIONS.map(([sig, zh]) => (
          <li key={sig}>
            <code>{sig}</code> <Caption1>{zh}</Caption1>
          </li>
        ))}
      </ul>
    </FluentProvider>
  );
}
