import type { Passage } from '../api/types.js';
import { docPath } from '../router.js';
import { fileName } from '../util/citations.js';
import { Highlighted } from './Highlighted.js';
import { Link } from './Link.js';

/** Ranked passages with the question's words highlighted; each can be selected for export. */
export function PassageList(props: {
  passages: Passage[];
  terms: string[];
  selected: Set<string>;
  onToggle: (id: string) => void;
}) {
  if (props.passages.length === 0) return null;
  return (
    <section className="card" aria-label="相关段落">
      <h2>相关段落（{props.passages.length}）</h2>
      <ol className="passages">
        {props.passages.map((p, i) => (
          <li key={p.passageId} className="passage">
            <div className="passage-head">
              <input
                type="checkbox"
                aria-label={`导出段落 ${i + 1}`}
                checked={props.selected.has(p.passageId)}
                onChange={() => props.onToggle(p.passageId)}
              />
              <span className="rank">{i + 1}</span>
              <span className="crumb">{p.breadcrumb.join(' › ')}</span>
            </div>
            <p className="passage-text">
              <Highlighted text={p.text.replace(/\n[ \t\u3000]*(?:\n[ \t\u3000]*)+/g, "\n")} terms={props.terms} />
            </p>
            <div className="passage-foot">
              <span className="muted">
                {fileName(p.file)} · 相关度 {p.score.toFixed(3)}
              </span>
              <Link to={docPath(p.docId, p)} className="open-doc">
                查看原文 →
              </Link>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
