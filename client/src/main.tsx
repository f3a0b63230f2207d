import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/controls.css';
import './ui/styles/chips.css';
import './ui/styles/components.css';
import './ui/styles/cards.css';
import './ui/styles/feedback.css';
// Sign-in's company button (issue 13) is on a signed-out screen.
import './ui/styles/identity.css';

// The signed-in app's own styles come with its chunk (app/signed-in.tsx), after these, in the same order as before.

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
