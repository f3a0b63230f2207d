import { splitTags as splitTagText } from '@/ui/tags';

/** "launch, #Mentoring ,, q3, launch" -> ["launch", "mentoring", "q3"]: a note's tags, de-duplicated. */
export const splitTags = (text: string): string[] => [...new Set(splitTagText(text))];
