package org.editio.epub;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the W3C's EPUB checker (epubcheck) on a book: its counts and what it said. */
public record EpubCheckRun(int fatal, int errors, int warnings, String messages) {

  public static EpubCheckRun of(Path epub) {
    StringWriter text = new StringWriter();
    WriterReportImpl report = new WriterReportImpl(new PrintWriter(text, true), epub.getFileName().toString(), true);
    new EpubCheck(epub.toFile(), report).doValidate();
    return new EpubCheckRun(report.getFatalErrorCount(), report.getErrorCount(), report.getWarningCount(), text.toString());
  }

  /** No fatal error, no error, no warning. */
  public boolean clean() {
    return fatal == 0 && errors == 0 && warnings == 0;
  }
}
