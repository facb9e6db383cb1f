// Starts dynalite (its own cli.js, same flags) and exits when the parent JVM goes away.
// The JVM holds this process's stdin open; when the JVM ends in any way, even SIGKILL,
// the pipe closes, stdin ends, and this process exits: no orphaned node is left behind.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
require('./node_modules/dynalite/cli.js')
