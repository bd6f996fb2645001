/**
 * The entry point, kept tiny on purpose: it starts the simulation worker first, so the worker's script
 * downloads and boots while the rest of the page (Svelte, Cytoscape, the UI) is still loading, and only
 * then loads and mounts the app.
 */
import './ui/theme.css';
import { WorkerBackend } from './worker/worker-backend';

const backend = new WorkerBackend();
void backend.catalog();
const { mountApp } = await import('./ui/mount');
mountApp(document.getElementById('app') as HTMLElement, backend);
