// A modal dialog on the native <dialog> element: focus trapping and Escape come from the browser.
import { onMount, type JSX } from 'solid-js';

export function Dialog(props: { title: string; onClose: () => void; children: JSX.Element; footer: JSX.Element }) {
  let el!: HTMLDialogElement;
  onMount(() => {
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', '');
  });
  return (
    <dialog
      ref={el}
      class="dialog"
      aria-label={props.title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 class="dialog-title">{props.title}</h2>
      <div class="dialog-body">{props.children}</div>
      <div class="dialog-footer">{props.footer}</div>
    </dialog>
  );
}
