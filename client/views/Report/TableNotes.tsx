// The notes a template prints under its table (ghi chú, cách ghi biểu), shown under the grid as on paper.
import { For, Show } from 'solid-js';
import type { Note } from '../../../schema/template';

export function TableNotes(props: { notes: readonly Note[] | undefined }) {
  return (
    <Show when={(props.notes ?? []).length > 0}>
      <div class="table-notes small" data-testid="table-notes">
        <For each={props.notes}>
          {(note) => (
            <p>
              <Show when={note.title}>
                <strong>{note.title}: </strong>
              </Show>
              {note.text}
            </p>
          )}
        </For>
      </div>
    </Show>
  );
}
