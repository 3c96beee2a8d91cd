import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../electron/import/importer.ts';
import { FIXTURES } from '../support/notebook.ts';

describe('importing an HTML page', async () => {
  const r = await readSourceFile('shipping-delays.html', readFileSync(join(FIXTURES, 'shipping-delays.html')));

  it('keeps the article text as paragraphs', async () => {
    expect(r.text).toContain('The queue of vessels waiting to transit the canal grew to around 140 ships on Friday');
    expect(r.text).toContain('fetched more than $2 million this week');
    expect(r.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('drops scripts, styles, navigation, header, sidebars and footers', async () => {
    for (const junk of ['tracking', 'font-family', 'Subscribe', 'Daily shipping news', 'Most read', 'All rights reserved']) expect(r.text).not.toContain(junk);
  });

  it("takes title, author, publisher, date and canonical URL from the page's metadata", () => {
    expect(r).toMatchObject({
      title: 'Canal Queue Grows to 140 Ships as Water Levels Drop',
      authors: ['Ines Carvalho'],
      publisher: 'Harbour Ledger',
      published: '2024-08-02',
      url: 'https://example.org/harbour-ledger/canal-queue',
      format: 'html',
    });
  });

  it('reads a short page without an article element', async () => {
    const page = '<html><head><title>Note</title></head><body><nav>Menu</nav><p>Output rose by roughly 4% in May.</p><footer>Footer</footer></body></html>';
    const s = await readSourceFile('n.html', new TextEncoder().encode(page));
    expect(s.text).toBe('Output rose by roughly 4% in May.');
    expect(s.title).toBe('Note');
  });

  it('keeps markup-looking text literal and never keeps javascript: URLs as the source URL', async () => {
    const page =
      '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Use &lt;b&gt; tags &amp; more, said the editor of the weekly trade bulletin in a long sentence.</p></body></html>';
    const s = await readSourceFile('n.html', new TextEncoder().encode(page));
    expect(s.text).toContain('Use <b> tags & more');
    expect(s.url).toBeNull();
  });
});
