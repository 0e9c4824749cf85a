import type { Props } from '../api/types.js';

const LABELS: Record<string, string> = {
  definition: '定义',
  role: '职务',
  organization: '所在单位',
  indicator: '指标',
  raw: '数值',
  period: '时间',
  unit: '单位',
  verb: '动作',
};

/** The entity's readable attributes (internal bookkeeping props are left out). */
export function PropsBlock(props: { props: Props; aliases?: string[]; kind?: string }) {
  const rows = Object.entries(LABELS)
    .map(([key, label]) => [label, props.props[key]] as const)
    .filter(([, value]) => value !== null && value !== undefined && value !== '');
  const aliases = (props.aliases ?? []).filter(Boolean);
  if (rows.length === 0 && aliases.length === 0 && !props.kind) return null;
  return (
    <dl className="props">
      {props.kind && (
        <div>
          <dt>类别</dt>
          <dd>{props.kind}</dd>
        </div>
      )}
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{String(value)}</dd>
        </div>
      ))}
      {aliases.length > 0 && (
        <div>
          <dt>别名</dt>
          <dd>{aliases.join('、')}</dd>
        </div>
      )}
    </dl>
  );
}
