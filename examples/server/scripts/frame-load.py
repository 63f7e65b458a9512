#!/usr/bin/env python3
"""Loopback load test of frame uploads: N clients post one JPEG as fast as answers come.

Creates a teacher, a classroom and a session (without consent) with the administrator token,
then runs for a bounded time and prints frames per second, answer codes and latencies. Talks
only to 127.0.0.1. Standard library only.

    python3 examples/server/scripts/frame-load.py --port 8080 --token "$AFFECT4J_ADMIN_TOKEN" \
        --image frame.jpg --clients 8 --seconds 20
"""
import argparse
import http.client
import json
import threading
import time
import uuid


def request(port, method, path, token, body=None, content_type="application/json"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + token}
    if body is not None:
        headers["Content-Type"] = content_type
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


def multipart(image):
    boundary = "----load" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"frame.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").encode() \
        + image + f"\r\n--{boundary}--\r\n".encode()
    return body, "multipart/form-data; boundary=" + boundary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--token", required=True, help="an administrator's token")
    parser.add_argument("--image", required=True, help="the JPEG or PNG to post")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20, help="measured time (at most 300)")
    parser.add_argument("--warmup", type=float, default=5, help="unmeasured time first")
    args = parser.parse_args()
    seconds = min(args.seconds, 300)

    teacher = request(args.port, "POST", "/api/users", args.token,
                      json.dumps({"name": "load", "role": "teacher"}))["token"]
    classroom = request(args.port, "POST", "/api/classrooms", teacher,
                        json.dumps({"name": "load"}))["id"]
    session = request(args.port, "POST", f"/api/classrooms/{classroom}/sessions", teacher,
                      json.dumps({"title": "load"}))["id"]
    with open(args.image, "rb") as f:
        body, content_type = multipart(f.read())

    start = time.monotonic()
    measure_from = start + args.warmup
    stop = measure_from + seconds
    lock = threading.Lock()
    statuses = {}
    latencies = []

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        while time.monotonic() < stop:
            sent = time.monotonic()
            connection.request("POST", f"/api/sessions/{session}/frames", body=body,
                               headers={"Authorization": "Bearer " + teacher,
                                        "Content-Type": content_type})
            response = connection.getresponse()
            response.read()
            done = time.monotonic()
            if sent >= measure_from and done <= stop:
                with lock:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                    latencies.append(done - sent)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    latencies.sort()
    created = statuses.get(201, 0)
    print(f"{args.clients} clients, {seconds:.0f} s measured after {args.warmup:.0f} s warm-up")
    print(f"answers: {dict(sorted(statuses.items()))}")
    print(f"frames stored per second: {created / seconds:.1f}")
    if latencies:
        print(f"latency p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
              f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
