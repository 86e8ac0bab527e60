// Entry point: mounts the app into #root.
import { render } from 'solid-js/web';
import App from './App';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  root.textContent = '';
  render(() => <App />, root);
}
