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
// goals (issue 5)
import './ui/styles/goals.css';
// review cycles
import './ui/styles/cycles.css';
import './ui/styles/wins.css';
import './ui/styles/identity.css';
import './ui/styles/notes.css';
import './ui/styles/reviews.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
