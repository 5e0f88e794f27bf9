// What a password must be (NIST SP 800-63B, 5.1.1.2): at least 8 characters, not on a list of common passwords, not
// the account's own name; no composition rules.

/** The fewest characters (Unicode code points, as NIST counts) a password may have. */
export const minPasswordLength = 8;
/** The most: long passphrases are welcome, but a megabyte "password" would only cost hashing time. */
export const maxPasswordLength = 256;

// 49,233 passwords most often found in breaches, most common first, all lower case (zxcvbn-ts's "passwords-common"
// list, MIT): loaded on first use, so commands that never check a password do not pay the 50 ms it takes.
let commonPasswords: Promise<ReadonlySet<string>> | undefined;

function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return commonPasswords;
}

/** True when `password`, ignoring case, is on the list of common passwords. */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.toLowerCase());
}

/** Why `password` may not be used by the reviewer `name`, as a sentence for the user, or undefined when it may. */
export async function passwordProblem(password: string, name: string): Promise<string | undefined> {
  const length = [...password.normalize('NFC')].length;
  if (length < minPasswordLength) return `the password must have at least ${minPasswordLength} characters`;
  if (length > maxPasswordLength) return `the password must have at most ${maxPasswordLength} characters`;
  if (password.toLowerCase() === name.toLowerCase()) return 'the password must not be the reviewer name';
  if (await isCommonPassword(password)) return 'the password is on a list of common passwords: choose another';
  return undefined;
}
