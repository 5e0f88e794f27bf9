// Reads a text file named on the command line the way the corpus is read, as a CommandError when it cannot be.
import { CorpusFileError, readArticleText } from '../corpus/read-text.ts';
import { CommandError } from './args.ts';

/** The file as loaded (UTF-8, BOM removed, LF line ends); an unreadable file is a CommandError naming it. */
export async function readInputText(path: string): Promise<string> {
  try {
    return await readArticleText(path);
  } catch (error) {
    if (error instanceof CorpusFileError) throw new CommandError(error.message);
    throw error;
  }
}
