/** The "Paste text" dialog: imports pasted text as a new source. */
import { useState } from 'react';
import * as A from '../state/actions.ts';
import { Modal } from './Modal.tsx';

export function PasteDialog() {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const close = () => A.setPasteOpen(false);
  return (
    <Modal label="Paste text" onClose={close}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void A.importPastedText(text, title).then((ok) => ok && close());
        }}
      >
        <h2>Paste text</h2>
        <label className="field">
          <span>Title (optional)</span>
          <input value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label className="field">
          <span>Text</span>
          <textarea autoFocus rows={12} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
        <div className="actions end">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!text.trim()}>
            Import text
          </button>
        </div>
      </form>
    </Modal>
  );
}
