#!/usr/bin/env python3
"""Clients that leave in the middle of a response: CONNECTIONS at a time, each asks for the
uncompressed search data (the largest JSON answer), reads the first KiB and closes; every
other time it sends a HEAD instead and reads the whole answer. Runs for SECONDS and prints
the counts.

Usage: disconnects.py HOST PORT CONNECTIONS SECONDS
"""

import asyncio
import sys
import time


async def leaver(host, port, until, counts):
    head = False
    while time.monotonic() < until:
        head = not head
        try:
            reader, writer = await asyncio.open_connection(host, port)
            if head:
                writer.write(b"HEAD /issues/privacy HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n")
                await writer.drain()
                answer = await reader.read()
                counts["head"] += answer.startswith(b"HTTP/1.1 200")
            else:
                writer.write(b"GET /api/search-index HTTP/1.1\r\nHost: soak\r\n\r\n")
                await writer.drain()
                await reader.read(1024)
                counts["left"] += 1
            writer.close()
        except OSError:
            counts["failed"] += 1
            await asyncio.sleep(0.1)


async def main():
    host, port, connections, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    counts = {"left": 0, "head": 0, "failed": 0}
    until = time.monotonic() + seconds
    await asyncio.gather(*(leaver(host, port, until, counts) for _ in range(connections)))
    print(f"left mid-response {counts['left']}, HEAD answered 200 {counts['head']}, failed {counts['failed']}")


asyncio.run(main())
