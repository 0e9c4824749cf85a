import { splitByTerms } from '../util/highlight.js';

/** Text with the given terms in <mark>; text nodes only. */
export function Highlighted(props: { text: string; terms: string[] }) {
  return (
    <>
      {splitByTerms(props.text, props.terms).map((piece, i) =>
        piece.hit ? (
          <mark key={i} className="term">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
