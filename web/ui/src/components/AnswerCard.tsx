import type { Answer } from '../api/types.js';
import { entityPath } from '../router.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';
import { Link } from './Link.js';
import { TypeTag } from './TypeTag.js';

/** The graph's answer: one line per entity, each with its numbered citations and an export checkbox. */
export function AnswerCard(props: {
  answer: Answer;
  index: CitationIndex;
  selected: Set<string>;
  onToggle: (id: string) => void;
}) {
  const { answers, note } = props.answer;
  return (
    <section className="card answer-card" aria-label="答案">
      <h2>答案</h2>
      {note && (
        <p className="note" role="note">
          {note}
        </p>
      )}
      {answers.length === 0 && !note && <p className="muted">图谱中没有直接的答案。</p>}
      <ul className="answers">
        {answers.map((item) => (
          <li key={item.id} className="answer">
            <input
              type="checkbox"
              aria-label={`导出 ${item.name}`}
              checked={props.selected.has(item.id)}
              onChange={() => props.onToggle(item.id)}
            />
            <div className="answer-body">
              <Link to={entityPath(item.id)} className="answer-name">
                {item.name}
              </Link>
              <TypeTag type={item.type} level={item.level} />
              <CitationBadges citations={item.citations} index={props.index} />
              {item.detail && <div className="answer-detail">{item.detail}</div>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
