/**
 * Entry point: mounts the app and starts loading. Styles are imported here so
 * Vite emits them as a stylesheet file (the CSP allows only 'self' styles).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { rootElement } from './api/client.ts';
import { App } from './components/App.tsx';
import { init } from './state/actions.ts';
import './styles/app.css';

const root = rootElement();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void init();
}
