#!/usr/bin/env python3
"""Regenerates releng/dmabufdio-locked.target from a finished build.

The locked target lists, at fixed versions and without following dependencies, every bundle a
build actually used: those in the p2 update site (all the editor needs at run time) and those in
the UI test runtime (Tycho surefire's config.ini). Run it after `./mvnw verify` of a build that
used releng/dmabufdio.target (the unlocked definition) or the current lock:

    python3 releng/lock-target.py [LOCAL_MAVEN_REPOSITORY]
"""
import glob
import lzma
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser('~/.m2/repository')
# wrapped from jars without a manifest: they keep their own locations in the target
WRAPPED = {('org.antlr', 'antlr-runtime'), ('junit', 'junit'), ('org.apache.xmlgraphics', 'batik-css')}


def from_p2_sites():
    found = set()
    for xz in glob.glob(f'{ROOT}/*/target/repository/artifacts.xml.xz'):
        text = lzma.open(xz).read().decode()
        for artifact in re.findall(r"<artifact .*?</artifact>", text, re.S):
            g = re.search(r"maven-groupId' value='([^']+)", artifact)
            a = re.search(r"maven-artifactId' value='([^']+)", artifact)
            v = re.search(r"maven-version' value='([^']+)", artifact)
            if g and a and v:
                found.add((g.group(1), a.group(1), v.group(1)))
    return found


def from_test_runtimes():
    found = set()
    for ini in glob.glob(f'{ROOT}/*/target/work/configuration/config.ini'):
        text = open(ini).read().replace('\\:', ':')
        for path in re.findall(r'file:(' + re.escape(REPO) + r'/[^,@\s]+\.jar)', text):
            parts = os.path.relpath(path, REPO).split('/')
            if parts[-2].startswith('bnd-'):
                parts = parts[:-2] + [parts[-1]]
            version, artifact, group = parts[-2], parts[-3], '.'.join(parts[:-3])
            found.add((group, artifact, version))
    return found


def main():
    gavs = sorted(x for x in from_p2_sites() | from_test_runtimes()
                  if not x[0].startswith(('org.dmabufdio', 'org.eclipse.tycho')) and (x[0], x[1]) not in WRAPPED)
    if not gavs:
        sys.exit('no finished build found: run ./mvnw verify first')
    source = open(f'{ROOT}/releng/dmabufdio.target').read()
    deps = '\n'.join(f'        <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>'
                     f'<type>jar</type></dependency>' for g, a, v in gavs)
    head, rest = source.split('<location type="Maven"', 1)
    _, tail = rest.split('</location>', 1)
    locked = (head + '<location type="Maven" includeDependencyDepth="none" includeDependencyScopes="compile" '
              'includeSource="false" missingManifest="generate" label="locked">\n      <dependencies>\n'
              + deps + '\n      </dependencies>\n    </location>' + tail)
    locked = locked.replace('<target name="dmabufdio-central"', '<target name="dmabufdio-central-locked"')
    open(f'{ROOT}/releng/dmabufdio-locked.target', 'w').write(locked)
    print(len(gavs), 'bundles locked')


if __name__ == '__main__':
    main()
