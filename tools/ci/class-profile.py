"""Prints CPU-seconds per test class from class-profile.sh's samples and trx log."""
import bisect, collections, datetime, glob, sys
import xml.etree.ElementTree as ET

out = sys.argv[1]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
samples = [(float(t), int(c) / 1e9) for t, c in (l.split() for l in open(f"{out}/samples.txt") if len(l.split()) == 2)]
times = [t for t, _ in samples]

def cpu_at(t):
    i = min(max(bisect.bisect_left(times, t), 1), len(samples) - 1)
    (t0, c0), (t1, c1) = samples[i - 1], samples[i]
    return c0 + (c1 - c0) * (t - t0) / (t1 - t0) if t1 > t0 else c0

root = ET.parse(glob.glob(f"{out}/*.trx")[0]).getroot()
classes = {u.get("id"): u.find("t:TestMethod", ns).get("className") for u in root.iter(f"{{{ns['t']}}}UnitTest")}
spans, counts = {}, collections.Counter()
for r in root.iter(f"{{{ns['t']}}}UnitTestResult"):
    c = classes[r.get("testId")]
    a, b = (datetime.datetime.fromisoformat(r.get(k)).timestamp() for k in ("startTime", "endTime"))
    lo, hi = spans.get(c, (a, b))
    spans[c] = (min(lo, a), max(hi, b))
    counts[c] += 1
rows = sorted(((cpu_at(b) - cpu_at(a), b - a, c) for c, (a, b) in spans.items()), reverse=True)
print(f"{len(rows)} classes; whole run {samples[-1][1] - samples[0][1]:.0f} CPU-s, {samples[-1][0] - samples[0][0]:.0f} s")
for cpu, wall, c in rows:
    print(f"{cpu:6.1f} CPU-s {wall:6.1f} s {counts[c]:4d} tests  {c}")
