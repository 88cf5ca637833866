package org.editio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.build.Bench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Generate an edition of N documents from the sample edition and publish it in one JVM,"
        + " printing per stage: items per second, wall time, CPU time and peak heap; a plain Saxon identity"
        + " transform of the same documents is timed as the floor of the HTML stage.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--documents", defaultValue = "100", paramLabel = "N", description = "Documents to generate. Default: ${DEFAULT-VALUE}.")
  int documents;

  @Option(names = "--stages", defaultValue = "validate,html,pdf,volume,epub,cmif,rebuild,correction", split = ",", paramLabel = "STAGES",
      description = "Stages to run: validate, html (with the identity floor), pdf (one per document),"
          + " volume (the PDF volume), epub (the e-book), cmif (the correspondence metadata),"
          + " rebuild (HTML again after a one-word correction, by the same builder),"
          + " correction (editio build, HTML and PDF, after a one-word correction). Default: ${DEFAULT-VALUE}.")
  List<String> stages;

  @Option(names = "--sample", defaultValue = "tei", paramLabel = "EDITION", description = "The edition to generate from. Default: ${DEFAULT-VALUE}.")
  Path sample;

  @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
      description = "Run the html stage (and its identity floor) N times in the same JVM: the first round includes"
          + " the JIT compiler warming up, the later ones (html#2, ...) show the work itself. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Folder in which to generate and publish (a new folder inside it, removed at the end)."
          + " Default: the system's temporary folder. A RAM disk (/dev/shm) leaves out the disk's cost of creating files.")
  Path workParent;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (documents < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--documents must be at least 1");
    }
    for (String stage : stages) {
      if (!org.editio.build.Bench.STAGES.contains(stage)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "unknown stage '" + stage + "': use some of " + String.join(",", org.editio.build.Bench.STAGES));
      }
    }
    if (rounds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1");
    }
    if (workParent != null && !Files.isDirectory(workParent)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--work: no such folder: " + workParent);
    }
    Path work = workParent == null ? Files.createTempDirectory("editio-bench-")
        : Files.createTempDirectory(workParent, "editio-bench-");
    try {
      var out = spec.commandLine().getOut();
      out.printf("editio bench: %d documents, %d cores, max heap %d MiB%n", documents,
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
      out.flush();
      for (Bench.Measure m : Bench.run(sample, documents, stages, rounds, work, line -> {
        out.println(line);
        out.flush();
      })) {
        out.println(m);
        out.flush();
      }
      return 0;
    } catch (EditioException e) {
      throw e;
    } finally {
      Bench.clean(work);
    }
  }
}
