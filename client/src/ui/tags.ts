/** "launch, #Mentoring ,, q3" -> ["launch", "mentoring", "q3"]: tags as typed, the way wins and notes both read them. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((t) => t.trim().replace(/^#/, '').trim().toLowerCase())
    .filter(Boolean);
}
