import { useEffect } from 'react';
import { HealthBadge } from './components/HealthBadge.js';
import { Link } from './components/Link.js';
import { ComparePage } from './pages/ComparePage.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { DocumentsPage } from './pages/DocumentsPage.js';
import { EntityPage } from './pages/EntityPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { matchPath, useRoute, type Route } from './router.js';

function Page(props: { route: Route }) {
  const { route } = props;
  if (route.path === '/') return <SearchPage route={route} />;
  const doc = matchPath('/doc/:id', route.path);
  if (doc?.id) return <DocumentPage key={doc.id} id={doc.id} route={route} />;
  const entity = matchPath('/entity/:id', route.path);
  if (entity?.id) return <EntityPage key={entity.id} id={entity.id} route={route} />;
  if (route.path === '/compare') return <ComparePage route={route} />;
  if (route.path === '/documents') return <DocumentsPage />;
  return <NotFoundPage />;
}

const NAV = [
  { to: '/', label: '检索', active: (p: string) => p === '/' },
  { to: '/compare', label: '对比', active: (p: string) => p === '/compare' },
  { to: '/documents', label: '文档', active: (p: string) => p === '/documents' || p.startsWith('/doc/') },
];

export function App() {
  const route = useRoute();
  const section = route.path.split('/')[1] ?? '';
  useEffect(() => {
    if (!route.path.startsWith('/doc/')) window.scrollTo(0, 0);
  }, [route.path]);

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark">实</span>
          实践图谱
          <span className="brand-sub">基层治理报告知识检索</span>
        </Link>
        <nav className="nav" aria-label="主导航">
          {NAV.map((item) => (
            <Link key={item.to} to={item.to} className={item.active(route.path) ? 'active' : ''}>
              {item.label}
            </Link>
          ))}
        </nav>
      </header>
      <main className={`main section-${section || 'search'}`}>
        <Page route={route} />
      </main>
      <footer className="footer">
        <span>每条答案都附有原文出处，点击 [1] 等编号可查看原文。</span>
        <HealthBadge />
      </footer>
    </div>
  );
}
