import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { takeSsoReturn } from './session/sso-return.ts';
import './styles.css';

// Before the first render: a single sign-on that just finished hands its session over here.
takeSsoReturn();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
