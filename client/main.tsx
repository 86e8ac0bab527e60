// Entry point: mounts the app into #root.
import { render } from 'solid-js/web';
import App from './App';
import { registerServiceWorker } from './offline/register-sw';
import { browserHost, reloadOnMissingChunk } from './stale-build';
import './styles.css';

reloadOnMissingChunk(browserHost());

const root = document.getElementById('root');
if (root) {
  root.textContent = '';
  render(() => <App />, root);
}

// Only the built app: the dev server's modules are not files a worker could keep.
if (import.meta.env.PROD) registerServiceWorker();
