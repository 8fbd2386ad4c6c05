// Just enough Markdown for the consumer test: a section by its heading, and
// the fenced code blocks in it.

/** The text under `## title`, up to the next heading of the same or a higher level. */
export function section(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex(
    (line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === title,
  );
  if (start === -1) throw new Error(`no section "${title}"`);
  const level = /^#+/.exec(lines[start])[0].length;
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (lines[end].startsWith('```')) fenced = !fenced;
    const heading = /^(#+) /.exec(lines[end]);
    if (!fenced && heading && heading[1].length <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** The fenced code blocks of `markdown`, with their language. */
export function codeBlocks(markdown) {
  const blocks = [];
  const pattern = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match !== null; match = pattern.exec(markdown)) {
    blocks.push({ lang: match[1], code: match[2] });
  }
  return blocks;
}
