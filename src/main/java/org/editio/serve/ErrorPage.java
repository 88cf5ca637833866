package org.editio.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.editio.Problem;

/**
 * The page editio serve shows instead of any page while the edition has errors: the problems as
 * the terminal prints them, so the reader sees at once what to fix, and the reload script, so the
 * page comes back by itself once the edition builds again.
 */
final class ErrorPage {

  private ErrorPage() {}

  /** The page's style, served as a file: the Content-Security-Policy allows no inline style. */
  static final String CSS = "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
      + "li{font-family:monospace;white-space:pre-wrap;margin:.4rem 0}.error{color:#a00}\n";

  static byte[] render(List<Problem> problems, String reloadScript) {
    return render(problems, reloadScript, "/_editio/error.css");
  }

  static byte[] render(List<Problem> found, String reloadScript, String stylesheet) {
    // the build's own summary ("not published: … fix them and build again") is the terminal's: serve builds again by itself
    List<Problem> problems = found.stream().filter(p -> !org.editio.build.Builder.isSummary(p)).toList();
    StringBuilder html = new StringBuilder(1024);
    long errors = problems.stream().filter(Problem::isError).count();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>editio: the edition has errors</title>")
        .append("<link rel=\"stylesheet\" href=\"").append(escape(stylesheet)).append("\">")
        .append("</head><body><main><h1>The edition has ").append(errors).append(errors == 1 ? " error" : " errors")
        .append("</h1><p>Nothing was published. Fix the files below and save: this page reloads by itself.</p><ol>");
    for (Problem p : problems) {
      html.append("<li class=\"").append(p.isError() ? "error" : "warning").append("\">")
          .append(escape(p.toString())).append("</li>");
    }
    html.append("</ol></main><script src=\"").append(escape(reloadScript)).append("\"></script></body></html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
