package org.editio.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmArray;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmEmptySequence;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmValue;
import org.editio.Problem;
import org.editio.xml.Xml;

/** The machine-readable form of a report, for tools and editors' plug-ins. */
public final class Reports {
  private Reports() {}

  /**
   * {@code {"files": N, "errors": E, "warnings": W, "problems": [{file, line, column, severity,
   * rule, message}, …]}}, serialized by Saxon's JSON output method.
   */
  public static String json(Xml xml, Validator.Report report) {
    List<XdmValue> problems = new ArrayList<>();
    for (Problem p : report.problems()) {
      Map<String, XdmValue> m = new LinkedHashMap<>();
      m.put("file", p.file() == null ? XdmEmptySequence.getInstance() : new XdmAtomicValue(Problem.displayPath(p.file())));
      m.put("line", new XdmAtomicValue(p.line()));
      m.put("column", new XdmAtomicValue(p.column()));
      m.put("severity", new XdmAtomicValue(p.severity().word()));
      m.put("rule", p.rule() == null ? XdmEmptySequence.getInstance() : new XdmAtomicValue(p.rule()));
      m.put("message", new XdmAtomicValue(p.message()));
      problems.add(map(m));
    }
    Map<String, XdmValue> top = new LinkedHashMap<>();
    top.put("files", new XdmAtomicValue(report.files()));
    top.put("errors", new XdmAtomicValue(report.errors()));
    top.put("warnings", new XdmAtomicValue(report.warnings()));
    top.put("problems", new XdmArray(problems));
    return serialize(xml.processor(), map(top));
  }

  private static XdmMap map(Map<String, XdmValue> entries) {
    Map<XdmAtomicValue, XdmValue> m = new LinkedHashMap<>();
    entries.forEach((k, v) -> m.put(new XdmAtomicValue(k), v));
    return new XdmMap(m);
  }

  private static String serialize(Processor processor, XdmValue value) {
    try {
      java.io.StringWriter out = new java.io.StringWriter();
      Serializer s = processor.newSerializer(out);
      s.setOutputProperty(Serializer.Property.METHOD, "json");
      s.setOutputProperty(Serializer.Property.INDENT, "yes");
      s.serializeXdmValue(value);
      return out.toString();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("JSON output failed: " + e.getMessage(), e);
    }
  }
}
