// Entry of graphiql.html, a page of its own so the app's bundle does not carry Monaco.
import './monaco-workers.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQLPage } from './GraphiQLPage.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQLPage />
  </StrictMode>,
);
