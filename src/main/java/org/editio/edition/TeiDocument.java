package org.editio.edition;

import java.nio.file.Path;
import net.sf.saxon.s9api.XdmNode;

/**
 * One TEI document of an edition, parsed once and shared by every stage of a run.
 *
 * @param id {@code TEI/@xml:id}, or the file name without extension
 * @param file where it was read from
 * @param tree its Saxon tree (a document node, with line numbers)
 * @param title its title, from the header
 * @param sortDate the earliest ISO date it gives, empty when undated; orders the edition
 * @param date its date as a reader reads it, empty when undated
 * @param digest SHA-256 of the file's bytes: what incremental builds compare
 */
public record TeiDocument(
    String id, Path file, XdmNode tree, String title, String sortDate, String date, String digest) {}
