import type { Role } from '~/generated/prisma/enums'
import { db } from '~/utils/db.server'
import { dummyPasswordHash, hashPassword, verifyPassword } from '~/utils/password.server'

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

/** The user for these credentials, or null. Takes as long for an unknown address as for a wrong password. */
export async function verifyLogin(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } })
  // An invited account has no password until its owner chooses one (passwordHash is empty).
  if (!user || user.disabledAt || !user.passwordHash) {
    await verifyPassword(await dummyPasswordHash(), password)
    return null
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null
}

export async function createUser(input: { email: string; name: string; password: string; role: Role }) {
  return db.user.create({
    data: {
      email: normaliseEmail(input.email),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    },
  })
}
