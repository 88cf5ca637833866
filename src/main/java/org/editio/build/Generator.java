package org.editio.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.editio.EditioException;

/**
 * Generates an edition of N documents from the sample edition, for benchmarks and for tests of
 * the scaling paths: the real documents repeated under new ids, their dates spread over
 * 1919–1941 (the date's text rewritten to agree), every third one made longer by repeating its
 * paragraphs. edition.xml, the schema and the registers are copied as they are, so every
 * pointer still resolves and the generated edition validates like the sample one.
 */
public final class Generator {

  private static final Pattern DATELINE_DATE = Pattern.compile(
      "(<dateline>(?:(?!</dateline>).)*?<date )([^>]*)>((?:(?!</date>).)*)</date>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH = Pattern.compile("\\n(\\s*)<p>(?:(?!</p>).)*</p>", Pattern.DOTALL);
  /** The date of the sent action of correspDesc (group 1). */
  private static final Pattern SENT_DATE = Pattern.compile(
      "<correspAction type=\"sent\">(?:(?!</correspAction>).)*?(<date [^>]*>[^<]*</date>)", Pattern.DOTALL);
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private Generator() {}

  /** Writes an edition of {@code count} documents into {@code target} (created, must be empty or absent). */
  public static Path generate(Path sample, int count, Path target) throws EditioException {
    try {
      Files.createDirectories(target.resolve("documents"));
      copyTree(sample.resolve("registers"), target.resolve("registers"));
      copyTree(sample.resolve("schema"), target.resolve("schema"));
      Files.copy(sample.resolve("edition.xml"), target.resolve("edition.xml"));
      List<Path> sources;
      try (Stream<Path> s = Files.list(sample.resolve("documents"))) {
        sources = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
      }
      if (sources.isEmpty()) {
        throw EditioException.io(sample, "the sample edition has no documents to generate from");
      }
      LocalDate first = LocalDate.of(1919, 1, 1);
      long span = LocalDate.of(1941, 12, 31).toEpochDay() - first.toEpochDay();
      for (int i = 0; i < count; i++) {
        Path source = sources.get(i % sources.size());
        String oldId = source.getFileName().toString().replaceFirst("\\.xml$", "");
        LocalDate date = LocalDate.ofEpochDay(first.toEpochDay() + (span * i) / Math.max(1, count - 1));
        String newId = String.format(Locale.ROOT, "d%s-g%05d", date, i + 1);
        String text = Files.readString(source).replace(oldId, newId);
        text = redate(text, date);
        if (i % 3 == 2) {
          text = lengthen(text);
        }
        Files.writeString(target.resolve("documents").resolve(newId + ".xml"), text);
      }
      return target;
    } catch (IOException e) {
      throw EditioException.io(target, "cannot generate the edition: " + org.editio.Messages.io(e));
    }
  }

  /** The dateline's date gets the new date, in attributes and text alike; header dates follow. */
  static String redate(String text, LocalDate date) {
    Matcher m = DATELINE_DATE.matcher(text);
    if (m.find()) {
      text = text.substring(0, m.start()) + m.group(1) + "when=\"" + date + "\">" + PRINTED.format(date) + "</date>"
          + text.substring(m.end());
    }
    // the date it was sent (correspDesc) is the dateline's (rule corresp-date)
    Matcher sent = SENT_DATE.matcher(text);
    if (sent.find()) {
      text = text.substring(0, sent.start(1)) + "<date when=\"" + date + "\">" + PRINTED.format(date) + "</date>"
          + text.substring(sent.end(1));
    }
    return text;
  }

  /** Every paragraph of the body twice: a longer document with the same markup. */
  static String lengthen(String text) {
    Matcher m = PARAGRAPH.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String p = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(p + p.replaceAll(" xml:id=\"[^\"]*\"", "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p)) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
  }
}
