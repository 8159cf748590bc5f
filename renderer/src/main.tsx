import './boot';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { seedFirstScreen } from './firstScreen';
import { createQueryClient } from './api/queryClient';
import { App } from './App';
import { listenToCore } from './coreEvents';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/timeline.css';
import './styles/cards.css';
import './styles/panels.css';
import './styles/cost.css';
import './styles/projects.css';

// Every import above is evaluated by now: the benchmarks read how long the bundle took.
performance.mark('app-evaluated');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
listenToCore(queryClient);
void seedFirstScreen(queryClient).then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
