import type { Answer } from '../api/types.js';
import { entityPath } from '../router.js';
import { ANSWER_TYPE_LABEL, INTENT_LABEL, levelLabel, typeLabel } from '../util/labels.js';
import { Link } from './Link.js';

/** How the question was read, so the reader can check it. */
export function UnderstandingLine(props: { answer: Answer }) {
  const { intent, answerType, understanding } = props.answer;
  const slots = understanding.slots ?? [];
  return (
    <div className="understanding">
      <span className="u-label">问题理解：</span>
      <span className="u-item">{answerType ? (ANSWER_TYPE_LABEL[answerType] ?? answerType) : (INTENT_LABEL[intent] ?? intent)}</span>
      {slots.length > 1 && <span className="u-item">{slots.length} 问：{slots.map((s) => s.text).join(' / ')}</span>}
      {understanding.scope && <span className="u-item">范围 {understanding.scope.name}</span>}
      {understanding.year && <span className="u-item">年份 {understanding.year}</span>}
      {understanding.entities.map((e) => (
        <span className="u-item" key={e.id}>
          {typeLabel(e.type)} <Link to={entityPath(e.id)}>{e.name}</Link>
        </span>
      ))}
      {understanding.level && <span className="u-item">层级 {levelLabel(understanding.level)}</span>}
      {understanding.topic.length > 0 && <span className="u-item">主题 {understanding.topic.join('、')}</span>}
    </div>
  );
}
