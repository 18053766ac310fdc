#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 with the right MIME type for .wasm and no caching."""
import argparse, functools, http.server, sys

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}
    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()
    def log_message(self, *a):
        pass

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, default=8080)
p.add_argument("root")
a = p.parse_args()
srv = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), functools.partial(Handler, directory=a.root))
print(f"serving {a.root} on http://127.0.0.1:{a.port}/", flush=True)
try:
    srv.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
