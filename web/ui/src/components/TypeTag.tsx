import { levelLabel, TYPE_COLOR, typeLabel } from '../util/labels.js';

/** A small coloured label: 地区 · 街道/乡镇. */
export function TypeTag(props: { type: string; level?: string }) {
  const level = levelLabel(props.level);
  return (
    <span className="tag" style={{ borderColor: TYPE_COLOR[props.type] ?? '#999', color: TYPE_COLOR[props.type] ?? '#555' }}>
      {typeLabel(props.type)}
      {level ? ` · ${level}` : ''}
    </span>
  );
}
