#!/usr/bin/env python3
"""Summarise a JFR recording of one benchmark: CPU (self and inclusive) and allocation hot spots.

Usage: jfr_hotspots.py RECORDING.jfr [THREAD_SUBSTRING]
THREAD_SUBSTRING picks the sampled threads: 'jmh-worker' (default; EndpointBenchmark and the
other in-thread benchmarks) or 'brisk-loop' (the server's event loop in PipelineBenchmark).
Needs the JDK's `jfr` tool on PATH.
"""
import collections
import json
import subprocess
import sys

recording = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "jmh-worker"
INTERESTING = ("dev.brisk.internal", "dev.brisk.Request", "org.hibernate", "com.fasterxml", "io.netty")


def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", kind, recording],
                         capture_output=True, text=True, check=True).stdout
    evs = json.loads(out)["recording"]["events"]
    keep = []
    for e in evs:
        t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
        if thread in (t.get("javaName") or ""):
            keep.append(e)
    return keep


def name(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


cpu = events("jdk.ExecutionSample")
print(f"== CPU: {len(cpu)} samples on threads matching '{thread}'")
own, incl = collections.Counter(), collections.Counter()
for e in cpu:
    frames = e["values"]["stackTrace"]["frames"]
    if not frames:
        continue
    own[name(frames[0])] += 1
    for n in {name(f) for f in frames}:
        incl[n] += 1
n = max(1, len(cpu))
print("-- self time")
for k, c in own.most_common(20):
    print(f"{100 * c / n:5.1f}%  {k}")
print("-- inclusive (Brisk, Jackson, Hibernate Validator, Netty)")
for k, c in incl.most_common(500):
    if k.startswith(INTERESTING) and c / n >= 0.02:
        print(f"{100 * c / n:5.1f}%  {k}")

alloc = events("jdk.ObjectAllocationSample")
total = sum(e["values"]["weight"] for e in alloc) or 1
print(f"== allocation: {len(alloc)} samples")
sites = collections.Counter()
for e in alloc:
    v = e["values"]
    frames = v["stackTrace"]["frames"]
    brisk = next((f"{name(f)}:{f.get('lineNumber')}" for f in frames if name(f).startswith("dev.brisk.internal")), "-")
    sites[(v["objectClass"]["name"].replace("/", "."), brisk)] += v["weight"]
print("-- by class, at the nearest Brisk frame")
for (cls, at), w in sites.most_common(25):
    print(f"{100 * w / total:5.1f}%  {cls}  @ {at}")
