/** A labelled bar; value is 0–1. */
export function ProgressBar(props: { value: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, props.value)) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{props.label}</span>
        <span>{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={props.label}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
