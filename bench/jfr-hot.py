"""Summarises a JFR recording's CPU samples: the hottest methods by self time (top frame) and by inclusive time
(anywhere on the stack), and samples per thread. Usage: jfr-hot.py RECORDING.jfr [TOP]
Needs `jfr` from the JDK on PATH or under $JAVA_HOME/bin."""
import collections
import os
import re
import shutil
import subprocess
import sys


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")
    text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                          check=True, capture_output=True, text=True).stdout
    self_counts, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
    samples = 0
    for event in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        frames = [re.sub(r"\(.*", "", line.strip()) for line in event.split("stackTrace = [")[1].split("\n")[1:]
                  if line.strip() and line.strip() not in ("]", "}", "...")]
        if not frames:
            continue
        samples += 1
        name = re.sub(r"-\d+$", "-N", thread.group(1)) if thread else "?"
        threads[name] += 1
        self_counts[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    print(f"{samples} samples")
    print("\nper thread:")
    for name, n in threads.most_common(10):
        print(f"  {100 * n / samples:5.1f}%  {name}")
    print("\nself (top frame):")
    for frame, n in self_counts.most_common(top):
        print(f"  {100 * n / samples:5.1f}%  {frame}")
    print("\ninclusive (TernMQ and Netty frames):")
    shown = 0
    for frame, n in inclusive.most_common():
        if frame.startswith(("io.ternmq", "io.netty")) and shown < top:
            print(f"  {100 * n / samples:5.1f}%  {frame}")
            shown += 1


main()
