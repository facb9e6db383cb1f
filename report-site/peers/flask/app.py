"""The seed experiment's Flask app: naive recursive fib(n) behind Flask's development server.

Single-threaded (threaded=False), as in the article. fiblab's benchmark starts it as a child process:
    python3 app.py PORT
and drives it with the same load generator and the same seed spec as fiblab's own paths.
"""
import os
import sys
import threading

from flask import Flask, jsonify

app = Flask(__name__)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@app.route("/fib/<int:n>")
def fib_route(n):
    # The value is a decimal string, as fiblab's API answers, so the benchmark's answer check applies.
    return jsonify(n=n, value=str(fib(n)))


def exit_when_parent_goes():
    # The benchmark holds this process's stdin open; when it ends in any way (even SIGKILL) the pipe
    # closes, the read returns, and this process exits: no orphaned server is left behind.
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("PORT", "5000"))
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    app.run(host="127.0.0.1", port=port, threaded=False, debug=False, use_reloader=False)
