package org.editio.xml;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.saxon.Configuration;
import net.sf.saxon.functions.registry.BuiltInFunctionSet;
import net.sf.saxon.lib.EnvironmentVariableResolver;
import net.sf.saxon.lib.Feature;

/**
 * The one Saxon configuration of editio, locked down for every stylesheet it runs: editio's own,
 * the stylesheets an edition brings ({@code EDITION/xslt/html.xsl}) and the Schematron schemas its
 * documents declare (compiled by SchXslt). Whatever a stylesheet is, nothing in it reaches outside
 * its transform:
 * <ul>
 *   <li>no extension functions or instructions, no Java system properties in {@code
 *       system-property()} (only the {@code xsl:} ones answer), no {@code xsl:result-document}
 *       (Saxon refuses it when it compiles a stylesheet): {@code ALLOW_EXTERNAL_FUNCTIONS} off;
 *   <li>no other code compiled while a stylesheet runs, and no look at the process's environment:
 *       {@code fn:transform()}, {@code load-xquery-module()}, {@code environment-variable()} and
 *       {@code available-environment-variables()} are not in the function library (a call is a
 *       compile error, and {@code function-lookup} finds nothing), and {@code xsl:evaluate} is
 *       disabled;
 *   <li>no environment variables (the second lock), no collections, no protocols but {@code file:} and {@code
 *       classpath:}, and by default nothing read but editio's bundled resources: a transform that
 *       may read more is given a {@link Resolver} of its own ({@link Xml#untrusted});
 *   <li>every XML parse Saxon makes by itself ({@code parse-xml()}, a stylesheet module) uses
 *       {@link SecureXml}: no external entities, no DTDs, bounded entity expansion.
 * </ul>
 * One configuration rather than a trusted and a restricted one: since the site's pages are written
 * by Java one call at a time, editio's own stylesheets need none of what is taken away, so they
 * run as locked as the edition's (which import them).
 */
final class LockedConfiguration extends Configuration {

  /**
   * Functions no stylesheet of editio's runs, with why: they would compile and run other code than
   * the stylesheet's own, or read the environment of the process (whose variables may hold secrets).
   */
  static final Map<String, String> REFUSED_FUNCTIONS = Map.of(
      "transform", "a stylesheet or schema of the edition runs no other stylesheet or query",
      "load-xquery-module", "a stylesheet or schema of the edition runs no other stylesheet or query",
      "environment-variable", "a stylesheet or schema of the edition sees no environment variables",
      "available-environment-variables", "a stylesheet or schema of the edition sees no environment variables");

  private final Map<BuiltInFunctionSet, BuiltInFunctionSet> filtered = new ConcurrentHashMap<>();

  LockedConfiguration() {
    setErrorReporterFactory(c -> error -> { });
    lockDown(this);
  }

  private static void lockDown(Configuration config) {
    config.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
    config.setConfigurationProperty(Feature.DISABLE_XSL_EVALUATE, true);
    config.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "file,classpath");
    Resolver bundled = Resolver.bundledOnly();
    config.setResourceResolver(bundled.saxon());
    config.setUnparsedTextURIResolver(bundled.unparsedText());
    config.setCollectionFinder(Resolver.noCollections());
    config.setConfigurationProperty(Feature.ENVIRONMENT_VARIABLE_RESOLVER, new EnvironmentVariableResolver() {
      @Override
      public Set<String> getAvailableEnvironmentVariables() {
        return Set.of();
      }

      @Override
      public String getEnvironmentVariable(String name) {
        return null;
      }
    });
    config.setParseOptions(config.getParseOptions().withXMLReaderMaker(SecureXml::newReader));
  }

  @Override
  public BuiltInFunctionSet getXSLTFunctionSet(int version) {
    return withoutRefused(super.getXSLTFunctionSet(version));
  }

  @Override
  public BuiltInFunctionSet getXPathFunctionSet(int version) {
    return withoutRefused(super.getXPathFunctionSet(version));
  }

  private BuiltInFunctionSet withoutRefused(BuiltInFunctionSet set) {
    return set == null ? null : filtered.computeIfAbsent(set, Without::new);
  }

  /** A function set with every function of another but the refused ones. */
  private static final class Without extends BuiltInFunctionSet {
    Without(BuiltInFunctionSet all) {
      importFunctionSet(all);
    }

    @Override
    public Entry getFunctionDetails(String name, int arity) {
      return REFUSED_FUNCTIONS.containsKey(name) ? null : super.getFunctionDetails(name, arity);
    }
  }
}
