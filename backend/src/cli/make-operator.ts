// `npm run make-operator -w @jobswipe/backend -- <email>`: gives an existing user the operator role
// (the ops views). The role is read at sign-in, so the user signs in again to use it.
import { openDatabase, resolveDatabase } from '@jobswipe/db';

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error('Usage: npm run make-operator -w @jobswipe/backend -- <email of an existing user>');
  process.exit(64);
}

const resolved = await resolveDatabase((line) => console.error(line));
const db = openDatabase(resolved.url);
let found = false;
try {
  const { count } = await db.prisma.user.updateMany({ where: { email }, data: { role: 'operator' } });
  found = count > 0;
} finally {
  await db.close();
  await resolved.stop();
}
if (found) {
  console.log(`${email} is now an operator. Sign in again to open the ops views.`);
} else {
  console.error(`No user has the email ${email}. Sign up with it first, then run this again.`);
}
// The exit status tells a script whether the user was found.
process.exit(found ? 0 : 1);
