#!/usr/bin/env python3
# Memory of lede-server under hostile clients, on loopback and bounded in time (~1 min):
# 100 stalled 8 MiB uploads, then 12 clients that never read ~4 MB answers. Prints VmRSS
# (from /proc/PID/status) as it goes. Usage: scripts/server-memory.py target/debug/lede-server
import socket, subprocess, sys, threading, time, os
BIN = sys.argv[1]
port = 18911
env = dict(os.environ, LEDE_LISTEN=f"127.0.0.1:{port}", LEDE_LOG="warn", LEDE_WORKERS="2")
srv = subprocess.Popen([BIN], env=env, stderr=subprocess.DEVNULL)
time.sleep(1.0)
def rss():
    for l in open(f"/proc/{srv.pid}/status"):
        if l.startswith("VmRSS"): return int(l.split()[1]) // 1024
peak = [0]
stop = [False]
def sampler():
    while not stop[0]:
        peak[0] = max(peak[0], rss()); time.sleep(0.1)
threading.Thread(target=sampler, daemon=True).start()
print("start RSS MB", rss())
# A: 100 uploads declaring 8 MiB, sending all but one byte, then stalling.
N = 100; size = 8 * 1024 * 1024
socks = []; statuses = {}
def upload(i):
    s = socket.create_connection(("127.0.0.1", port)); socks.append(s)
    s.sendall(f"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n".encode())
    try:
        chunk = b"<p>" + b"x" * 65533
        sent = 0
        s.settimeout(5)
        while sent < size - 1:
            n = min(len(chunk), size - 1 - sent); s.sendall(chunk[:n]); sent += n
    except OSError:
        pass
ts = [threading.Thread(target=upload, args=(i,)) for i in range(N)]
t0 = time.time()
for t in ts: t.start()
for t in ts: t.join()
print(f"A: {N} stalled 8 MiB uploads sent in {time.time()-t0:.1f}s; RSS now {rss()} MB, peak {peak[0]} MB")
for s in socks:
    try:
        s.settimeout(15); d = s.recv(200); statuses[d[:12]] = statuses.get(d[:12], 0) + 1
    except OSError as e:
        statuses[type(e).__name__] = statuses.get(type(e).__name__, 0) + 1
print("A: answers", statuses, f"peak {peak[0]} MB")
for s in socks: s.close()
time.sleep(2); print("A: after, RSS", rss(), "MB")
# B: 12 clients asking for a large answer (~4 MB of JSON) and never reading it.
page = ("<html><body><article>" + "".join(f"<p>Paragraph {i} of a very long report, with enough words to count as prose.</p>" for i in range(15000)) + "</article></body></html>").encode()
peak[0] = 0
socks = []
for i in range(12):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port)); socks.append(s)
    s.sendall(f"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: {len(page)}\r\n\r\n".encode() + page)
for k in range(40):
    time.sleep(1)
    if k % 5 == 4: print(f"B: t={k+1}s RSS {rss()} MB peak {peak[0]} MB")
for s in socks: s.close()
time.sleep(3)
print("B: after closing, RSS", rss(), "MB; peak", peak[0], "MB")
stop[0] = True
srv.terminate(); srv.wait()
