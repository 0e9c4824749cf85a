/**
 * Text for public responses without the server's file system layout: every absolute path
 * (/srv/atlas/data/uploads/x.txt, C:\data\x.txt) is cut to its last part (x.txt).
 */
const ABSOLUTE_PATH = /(?:[A-Za-z]:)?(?:[\\/][^\s\\/()[\]{}"'`<>,;，。；：、]+)+[\\/]?/g;

export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (match, offset: number, whole: string) => {
    // A relative path or a fraction (1/2, 党建/治理) is not a server path: only leading separators count.
    const before = whole[offset - 1];
    if (before !== undefined && /[\w.~-]/.test(before)) return match;
    if (!/^(?:[A-Za-z]:)?[\\/]/.test(match)) return match;
    const parts = match.split(/[\\/]/).filter(Boolean);
    return parts.length <= 1 && !/^[A-Za-z]:/.test(match) ? match : (parts[parts.length - 1] ?? '');
  });
}
