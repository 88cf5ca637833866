package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.editio.Problem;
import org.editio.build.Builder;
import org.editio.output.Publisher;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What build, html and pdf share: they differ only in which outputs (by name, see {@code Outputs}) they publish. */
abstract class PublishCommand implements Callable<Integer> {
  @Mixin PublishOptions options;
  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  /** The PDF options: the defaults for commands that publish no PDF (they show none in their help). */
  PublishOptions.Pdf pdfOptions() {
    return new PublishOptions.Pdf();
  }

  /** The outputs this command publishes: names or parts of the builder's outputs. */
  abstract List<String> outputs(Builder builder);

  @Override
  public Integer call() throws Exception {
    PublishOptions.Pdf pdf = pdfOptions();
    if (!PublishOptions.PAGE_SIZES.contains(pdf.pageSize)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown page size '" + pdf.pageSize + "': use one of " + PublishOptions.PAGE_SIZES);
    }
    String title = options.title.checked(spec.commandLine());
    List<Path> catalogFiles = options.catalogs.checked(spec.commandLine());
    long start = System.nanoTime();
    try (Builder builder = new Builder()) {
      builder.catalogs(catalogFiles).pageSize(pdf.pageSize).print(pdf.print).clean(options.clean).strict(options.strict)
          .title(title)
          .progress(org.editio.Progress.forTerminal(common.quiet));
      Builder.Result result = builder.build(options.edition, options.out, outputs(builder));
      Main.print(spec.commandLine().getErr(), result.warnings());
      if (!common.quiet) {
        var out = spec.commandLine().getOut();
        out.printf("published %d document%s of %s in %.1f s%n", result.edition().documents().size(),
            result.edition().documents().size() == 1 ? "" : "s", result.edition().title(),
            (System.nanoTime() - start) / 1e9);
        if (result.reused() > 0) {
          out.printf("  %d file%s rendered, %d unchanged (--clean renders all)%n", result.rendered(),
              result.rendered() == 1 ? "" : "s", result.reused());
        }
        for (Publisher p : result.outputs()) {
          out.printf("  %-14s %s%n", p.name() + ":", Problem.displayPath(result.out().resolve(p.entry(result.layout()))));
          if (common.verbose) {
            for (String detail : p.details()) {
              out.printf("  %-14s %s%n", "", detail);
            }
          }
        }
        out.flush();
      }
    }
    return 0;
  }
}
