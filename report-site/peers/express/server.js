// The seed experiment's Express app: naive recursive fib(n) on GET /fib/:n.
// fiblab's benchmark starts it as a child process (node server.js PORT) and drives it with the
// same load generator and the same seed spec as fiblab's own paths.
const express = require('express')

// Plain numbers, as in the article: exact up to fib(78), the last below 2^53.
const MAX_N = 78

function fib (n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2)
}

const app = express()
app.get('/fib/:n', (req, res) => {
  if (!/^\d+$/.test(req.params.n) || Number(req.params.n) > MAX_N) {
    res.status(400).json({ error: 'INVALID_N', message: 'n must be an integer from 0 to ' + MAX_N })
    return
  }
  const n = Number(req.params.n)
  // The value is a decimal string, as fiblab's API answers, so the benchmark's answer check applies.
  res.json({ n, value: String(fib(n)) })
})

const port = Number(process.argv[2] || process.env.PORT || 3000)
app.listen(port, '127.0.0.1', () => console.log('express peer listening at http://127.0.0.1:' + port))

// The benchmark holds this process's stdin open; when it ends in any way (even SIGKILL) the pipe
// closes, stdin ends, and this process exits: no orphaned server is left behind.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
