#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by component: `jfr-breakdown.py recording.jfr`.

Each execution sample counts for the first frame from the top of its stack that belongs to a known component
(JDK and Reactor frames are glue and are skipped), so a signature check counts for the JWT decoder, not for
BigInteger. Record under load with: jcmd <gateway pid> JFR.start duration=30s settings=profile filename=gw.jfr
"""
import collections
import re
import subprocess
import sys

COMPONENTS = [
    ("tracing, observation, metrics", r"^(io\.micrometer|io\.opentelemetry|org\.springframework\.boot\.micrometer|org\.springframework\.boot\.actuate\.metrics|org\.springframework\.cloud\.gateway\.filter\.headers\.observation)"),
    ("JWT decoding and verification", r"^(com\.nimbusds|org\.springframework\.security\.oauth2\.jwt|org\.danvan\.gateway\.CachedJwtDecoder)"),
    ("rate limits (Redis client)", r"^(io\.lettuce|org\.springframework\.data\.redis|org\.springframework\.cloud\.gateway\.filter\.ratelimit|org\.danvan\.gateway\.(SharedRateLimits|RateLimitLeases))"),
    ("Spring Security", r"^org\.springframework\.security"),
    ("resilience4j", r"^(io\.github\.resilience4j|org\.springframework\.cloud\.circuitbreaker)"),
    ("gateway routing and filters", r"^(org\.springframework\.cloud\.gateway|org\.danvan\.gateway)"),
    ("access log, logging", r"^(ch\.qos\.logback|org\.slf4j|reactor\.netty\.http\.server\.logging)"),
    ("Netty, Reactor Netty (HTTP, sockets)", r"^(io\.netty|reactor\.netty)"),
    ("Spring WebFlux, HTTP", r"^(org\.springframework\.web|org\.springframework\.http|org\.springframework\.core|org\.springframework\.util)"),
    ("JSON", r"^(tools\.jackson|com\.fasterxml)"),
]
GLUE = re.compile(r"^(java\.|javax\.|jdk\.|sun\.|reactor\.core|reactor\.util|kotlin\.)")

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
counts = collections.Counter()
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$]+)\.[\w$<>]+\(", event, re.M)
    component = "JDK and other"
    for frame in frames:
        if GLUE.match(frame):
            continue
        component = next((name for name, pattern in COMPONENTS if re.match(pattern, frame)), "other libraries (" + frame.rsplit(".", 1)[0] + ")")
        break
    counts[component] += 1
total = sum(counts.values())
print(f"{total} samples")
others = 0
for component, count in counts.most_common():
    if count / total < 0.01:
        others += count
        continue
    print(f"{100 * count / total:5.1f} %  {component}")
if others:
    print(f"{100 * others / total:5.1f} %  (each under 1 %)")
