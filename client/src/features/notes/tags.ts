/** "launch, #Mentoring ,, q3" -> ["launch", "mentoring", "q3"], de-duplicated. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[,\n]/)
    .map((t) => t.trim().replace(/^#/, '').trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}
