import { useEffect, useState, type KeyboardEvent } from 'react';
import { getJson } from '../api/client.js';
import type { Entity } from '../api/types.js';
import { TypeTag } from './TypeTag.js';

const PICKABLE = new Set(['region', 'organization']);

/** Search-as-you-type over organizations and regions; picking one calls onPick. */
export function EntityPicker(props: { onPick: (entity: Entity) => void; exclude: Set<string>; disabled?: boolean }) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Entity[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<{ total: number; items: Entity[] }>('/entities', { q, limit: 50 }, controller.signal).then(
        (res) => {
          const items = res.items.filter((e) => PICKABLE.has(e.type));
          // Exact and prefix matches first.
          items.sort((a, b) => Number(b.name === q) - Number(a.name === q) || Number(b.name.startsWith(q)) - Number(a.name.startsWith(q)) || a.name.length - b.name.length);
          setOptions(items.slice(0, 12));
          setOpen(true);
        },
        () => {
          if (!controller.signal.aborted) setOptions([]);
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const visible = options.filter((o) => !props.exclude.has(o.id));
  const pick = (entity: Entity) => {
    props.onPick(entity);
    setText('');
    setOptions([]);
    setOpen(false);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (visible[0]) pick(visible[0]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="picker">
      <input
        type="search"
        aria-label="添加组织或地区"
        placeholder={props.disabled ? '最多选择 4 个' : '输入组织或地区名称，如 兰州市'}
        value={text}
        disabled={props.disabled}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && text.trim() && (
        <ul className="picker-options" role="listbox">
          {visible.length === 0 && <li className="muted">没有匹配的组织或地区</li>}
          {visible.map((o) => (
            <li key={o.id} role="option" aria-selected={false}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(o)}>
                {o.name} <TypeTag type={o.type} level={o.level} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
