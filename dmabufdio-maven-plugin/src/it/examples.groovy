// Run by each example's verify.groovy (the invoker's post-build hook) with that example as basedir.
// What each example build must have printed. The invoker runs each example several times
// (its invoker.properties) and appends every run to build.log: each run starts with Maven's
// "Scanning for projects..." (its errors come after its BUILD FAILURE line).
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
def succeeded = { String run -> run.contains('BUILD SUCCESS') }
def expect = { boolean ok, String what ->
    if (!ok) {
        throw new AssertionError("${basedir.name}: ${what}")
    }
}
def name = basedir.name
def failing = 'known-regression.dmabuf \u203a patch 1 alone keeps RSS #1'
def why = 'known-regression.dmabuf:9:12: rss of app[1]: VmRSS grew by 65536 kB'

if (name == 'team-suite') {
    expect(runs.size() == 3, "3 runs, not ${runs.size()}")
    // green: the engine under Surefire and the plugin both ran the four passing instances
    expect(succeeded(runs[0]), 'the plain build passes')
    expect(runs[0].contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0'), 'Surefire ran 4 scenario instances')
    expect(runs[0].contains('4 scenario runs: 4 pass 0 fail'), 'the plugin ran 4 scenario instances')
    // red through Surefire: the failing scenario is the failed test, with its file:line:col
    expect(!succeeded(runs[1]), '-Dshow.failure fails the build')
    expect(runs[1].contains('Tests run: 5, Failures: 1'), 'Surefire counts the failing scenario')
    expect(runs[1].contains(failing) && runs[1].contains(why), 'Surefire names the failing scenario and where')
    // red through the plugin (Surefire told to go on): the plugin fails the build naming it
    expect(!succeeded(runs[2]), 'the plugin fails the build')
    expect(runs[2].contains('Failed to execute goal org.dmabufdio:dmabufdio-maven-plugin'), 'the plugin is what failed')
    expect(runs[2].contains('FAIL src/test/dmabuf/' + failing) && runs[2].contains('src/test/dmabuf/' + why), 'the plugin names it')
    def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.team.ScenariosTest.xml').text
    expect(xml.contains('name="src/test/dmabuf/model-loading.dmabuf \u203a buffered reads work everywhere {kernel=dmabuf_dio} #1"'),
           "Surefire's JUnit XML names each instance")
    expect(new File(basedir, 'target/dmabufdio/TEST-scenarios.xml').text.contains('<testsuites'), "the plugin's JUnit report")
    expect(new File(basedir, 'target/dmabufdio/scenarios.ktap').text.startsWith('KTAP version 1'), "the plugin's KTAP report")
} else if (name == 'tycho-suite') {
    expect(runs.size() == 2, "2 runs, not ${runs.size()}")
    expect(succeeded(runs[0]), 'the plain build passes')
    expect(runs[0].contains('4 scenario runs: 4 pass 0 fail'), 'the plugin ran 4 scenario instances in the Tycho build')
    expect(!succeeded(runs[1]), '-Dshow.failure fails the build')
    expect(runs[1].contains('FAIL scenarios/' + failing) && runs[1].contains('scenarios/' + why), 'the plugin names the failing scenario')
} else {
    throw new AssertionError("no expectations for ${name}")
}
return true
