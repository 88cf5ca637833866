package org.editio.importer;

/**
 * A warning of the importer, located on the page it concerns (1-based line and column of the
 * page's file; 0 when unknown), so that an editor can find the passage it speaks of.
 */
record Warning(int line, int column, String message) {

  static Warning at(Draft.Para p, String message) {
    return new Warning(p == null ? 0 : p.line(), p == null ? 0 : p.column(), message);
  }
}
