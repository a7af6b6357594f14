import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { expect } from 'vitest';

/** Renders a page's component into a fresh body, as the entrypoint does. */
export async function mount(page: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => {
    render(page, root);
  });
  return root;
}

/** Lets pending replies settle and Preact re-render with them. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The form control a visible label names (through its `for`), as people find it. */
export function field(label: string): HTMLInputElement {
  const found = [...document.querySelectorAll('label')].find((node) => node.textContent === label);
  const control = found && document.getElementById(found.htmlFor);
  expect(control, `a control labelled "${label}"`).toBeInstanceOf(HTMLInputElement);
  return control as HTMLInputElement;
}

/** Types into a field the way the browser reports it to Preact. */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The button with exactly this text, or whose text matches. */
export function button(text: string | RegExp): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((node) => {
    const shown = node.textContent?.trim() ?? '';
    return typeof text === 'string' ? shown === text : text.test(shown);
  });
  expect(found, `a button reading "${text}"`).toBeDefined();
  return found as HTMLButtonElement;
}

export async function click(target: HTMLElement): Promise<void> {
  await act(() => {
    target.click();
  });
  await settle();
}

/** The page's text, whitespace collapsed. */
export function pageText(): string {
  return (document.body.textContent ?? '').replace(/\s+/g, ' ');
}
