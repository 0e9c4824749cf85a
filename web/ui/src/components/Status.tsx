import { describeError } from '../util/labels.js';

export function Loading(props: { text?: string }) {
  return <div className="status loading">{props.text ?? '加载中…'}</div>;
}

export function ErrorBox(props: { error: unknown; prefix?: string }) {
  return (
    <div className="status error" role="alert">
      {props.prefix ?? '出错了：'}
      {describeError(props.error)}
    </div>
  );
}

export function Empty(props: { text: string }) {
  return <div className="status empty">{props.text}</div>;
}
