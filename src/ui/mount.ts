/** Mounts the playground into the page with the backend the entry point already started. */
import { mount } from 'svelte';
import type { SimBackend } from './state/sim-backend';
import App from './App.svelte';

export function mountApp(target: HTMLElement, backend: SimBackend): void {
  mount(App, { target, props: { backend } });
}
