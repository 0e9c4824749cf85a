import type { Answer } from '../api/types.js';
import { entityPath } from '../router.js';
import { INTENT_LABEL, levelLabel, typeLabel } from '../util/labels.js';
import { Link } from './Link.js';

/** How the question was read, so the reader can check it. */
export function UnderstandingLine(props: { answer: Answer }) {
  const { intent, understanding } = props.answer;
  return (
    <div className="understanding">
      <span className="u-label">问题理解：</span>
      <span className="u-item">{INTENT_LABEL[intent] ?? intent}</span>
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
