// Password rules for staff accounts (issue 15, NIST SP 800-63B and OWASP ASVS 5.0 §6.2): at least 12 characters,
// no composition rules (no "one capital, one digit"), and none of the 10,000 most common passwords. Pure: no IO.
import { commonPasswordList } from './common-passwords'

export const PASSWORD_MIN_LENGTH = 12
/** Long passphrases are welcome; the cap only keeps argon2 from hashing a megabyte. */
export const PASSWORD_MAX_LENGTH = 256

let common: Set<string> | undefined
function commonPasswords() {
  common ??= new Set(commonPasswordList.split('\n').map((p) => p.toLowerCase()))
  return common
}

export type PasswordProblem = 'too-short' | 'too-long' | 'common'

/**
 * What is wrong with a new password, or null. Length counts characters as people see them (code points), so a
 * passphrase with accents or emoji is not cut short. The common-password check ignores case: "Password1234"
 * is as guessable as "password1234".
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'too-short'
  if (length > PASSWORD_MAX_LENGTH) return 'too-long'
  if (commonPasswords().has(password.toLowerCase())) return 'common'
  return null
}
