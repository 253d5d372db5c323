// How the dmabufdio build checks this example's runs (maven-invoker-plugin, after the builds in
// invoker.properties): the expectations live with the plugin, in src/it/examples.groovy.
evaluate(new File(basedir, '../../../src/it/examples.groovy'))
