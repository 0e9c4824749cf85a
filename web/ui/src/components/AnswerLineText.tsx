import type { AnswerLine } from '../api/types.js';
import type { CitationIndex } from '../util/citations.js';
import { CitationBadges } from './CitationBadges.js';

/** The answer sentence; each [n] of the API becomes the page's own badge for that citation. */
export function AnswerLineText(props: { line: AnswerLine; index: CitationIndex }) {
  const pieces = props.line.text.split(/(\[\d+\])/);
  return (
    <p className="answer-line" aria-label="答案句">
      {pieces.map((piece, i) => {
        const marker = /^\[(\d+)\]$/.exec(piece);
        const citation = marker ? props.line.citations[Number(marker[1]) - 1] : undefined;
        if (citation) return <CitationBadges key={i} citations={[citation]} index={props.index} />;
        return <span key={i}>{piece}</span>;
      })}
    </p>
  );
}
