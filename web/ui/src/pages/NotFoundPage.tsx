import { Link } from '../components/Link.js';

export function NotFoundPage() {
  return (
    <div className="page">
      <h1>页面不存在</h1>
      <p>
        <Link to="/">返回检索</Link>
      </p>
    </div>
  );
}
