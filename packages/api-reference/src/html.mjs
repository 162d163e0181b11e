// What the hand-built pages share: escaping, and the prose of a spec's Markdown descriptions.
export const pageStyle = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
code { font-size: 0.9em; background: #f2f2f5; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
`;

export const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One line of Markdown: `code` and **strong**, the rest escaped. */
const inline = (text) =>
  escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

/**
 * The Markdown the specs' descriptions use: paragraphs and `- ` lists (a list item may wrap
 * onto indented lines), with `code` and **strong** inside. Nothing else is interpreted.
 */
export function prose(text) {
  if (!text) return '';
  return String(text)
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n');
      if (!lines[0].startsWith('- ')) return `<p>${inline(lines.join(' '))}</p>`;
      const items = [];
      for (const line of lines)
        if (line.startsWith('- ')) items.push(line.slice(2));
        else items[items.length - 1] += ` ${line.trim()}`;
      return `<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    })
    .join('\n');
}
