package org.editio.xml;

import java.util.HashMap;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmEmptySequence;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;

/**
 * Builds the stylesheet parameters editio passes (strings, booleans, maps, node sequences)
 * without each publisher spelling out Saxon's value classes.
 */
public final class Params {
  private final Map<QName, XdmValue> values = new HashMap<>();

  public Params put(String name, XdmValue value) {
    values.put(new QName(name), value == null ? XdmEmptySequence.getInstance() : value);
    return this;
  }

  public Params put(String name, String value) {
    return put(name, new XdmAtomicValue(value));
  }

  public Params put(String name, boolean value) {
    return put(name, new XdmAtomicValue(value));
  }

  /** A map of strings to strings, or the empty sequence for {@code null}. */
  public Params putStrings(String name, Map<String, String> map) {
    if (map == null) {
      return put(name, (XdmValue) null);
    }
    Map<XdmAtomicValue, XdmValue> m = new HashMap<>();
    map.forEach((k, v) -> m.put(new XdmAtomicValue(k), new XdmAtomicValue(v)));
    return put(name, new XdmMap(m));
  }

  /** A sequence of strings. */
  public Params putSequence(String name, java.util.List<String> strings) {
    return put(name, new XdmValue(strings.stream().map(XdmAtomicValue::new).toList()));
  }

  /** A map of strings to documents (the registers by URI). */
  public Params putNodes(String name, Map<String, XdmNode> map) {
    return put(name, nodes(map));
  }

  /** A map of strings to documents as a value, to be made once and put many times. */
  public static XdmMap nodes(Map<String, XdmNode> map) {
    Map<XdmAtomicValue, XdmValue> m = new HashMap<>();
    map.forEach((k, v) -> m.put(new XdmAtomicValue(k), v));
    return new XdmMap(m);
  }

  /** A copy to add to: the values themselves are immutable and shared. */
  public Params copy() {
    Params copy = new Params();
    copy.values.putAll(values);
    return copy;
  }

  public Map<QName, XdmValue> asMap() {
    return values;
  }
}
