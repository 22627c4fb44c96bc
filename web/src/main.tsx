import { render } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { ArticleView } from './views/Article.js';
import { Claims } from './views/Claims.js';
import { ContradictionView, Contradictions } from './views/Contradictions.js';
import { Entities, EntityView } from './views/Entities.js';
import { Home } from './views/Home.js';
import { Ingest } from './views/Ingest.js';
import { Articles, Duplicates, Search } from './views/Lists.js';
import { MapView } from './views/Map.js';
import { Stories, StoryView } from './views/Stories.js';
import { Timeline } from './views/Timeline.js';
import { submitFilters } from './views/filters.js';
import './style.css';

const NAV: [string, string][] = [
  ['/', 'Home'],
  ['/articles', 'Articles'],
  ['/claims', 'Claims'],
  ['/entities', 'Entities'],
  ['/contradictions', 'Contradictions'],
  ['/stories', 'Stories'],
  ['/duplicates', 'Copies'],
  ['/timeline', 'Timeline'],
  ['/map', 'Map'],
  ['/ingest', 'Add'],
];

function Header() {
  const { path, query, route } = useLocation();
  return (
    <header class="top">
      <a class="brand" href="/">
        claimtrail
      </a>
      <nav>
        {NAV.map(([href, label]) => (
          <a key={href} href={href} class={(href === '/' ? path === '/' : path.startsWith(href)) ? 'active' : ''}>
            {label}
          </a>
        ))}
      </nav>
      <form class="search-box" role="search" key={query.q ?? ''} onSubmit={submitFilters('/search', route)}>
        <input name="q" type="search" placeholder="Search articles and claims" defaultValue={path === '/search' ? query.q : ''} aria-label="search" />
      </form>
      <a class="api-link" href="/docs" target="_blank" rel="noopener">
        API
      </a>
    </header>
  );
}

function NotFound() {
  return (
    <div>
      <h1>Not found</h1>
      <p>
        Nothing here. <a href="/">Home</a>
      </p>
    </div>
  );
}

function App() {
  return (
    <LocationProvider>
      <Header />
      <main>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/articles" component={Articles} />
            <Route path="/articles/:id" component={ArticleView} />
            <Route path="/claims" component={Claims} />
            <Route path="/entities" component={Entities} />
            <Route path="/entities/:id" component={EntityView} />
            <Route path="/contradictions" component={Contradictions} />
            <Route path="/contradictions/:id" component={ContradictionView} />
            <Route path="/stories" component={Stories} />
            <Route path="/stories/:id" component={StoryView} />
            <Route path="/duplicates" component={Duplicates} />
            <Route path="/timeline" component={Timeline} />
            <Route path="/map" component={MapView} />
            <Route path="/search" component={Search} />
            <Route path="/ingest" component={Ingest} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </LocationProvider>
  );
}

render(<App />, document.getElementById('app')!);
