/**
 * First run: an empty notebook offers two ways to start. The choice is
 * remembered (client.dismissWelcome), so an empty notebook opened later goes
 * straight to the Library.
 */
import * as A from '../state/actions.ts';

export function WelcomeView() {
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <div className="brand-mark big" aria-hidden="true">
          ◆
        </div>
        <h1 id="welcome-title">Welcome to Research Notebook</h1>
        <p>
          Import articles, highlight the passages that matter, turn figures into claims with their evidence, and write cited briefings in which every quote is checked against its source. Everything
          stays on this computer.
        </p>
        <div className="welcome-choices">
          <button type="button" className="choice" onClick={() => void A.openSample()}>
            <strong>Open the sample notebook</strong>
            <span>A few short invented news articles, already highlighted, tagged and claimed, including a conflicting figure.</span>
          </button>
          <button type="button" className="choice" onClick={A.startEmpty}>
            <strong>Start with an empty notebook</strong>
            <span>Import your own .txt, .md or .html files, drop them on the window, or paste text.</span>
          </button>
        </div>
      </div>
    </main>
  );
}
