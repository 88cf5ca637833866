package org.editio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.editio.serve.Server;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Build the HTML edition, serve it on localhost and build again on every change of the"
        + " edition's files; open pages reload by themselves, and show the errors while the edition has any.")
final class ServeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "tei", paramLabel = "EDITION",
      description = "An edition directory, a directory of TEI files, or one TEI file. Default: ${DEFAULT-VALUE}.")
  Path edition;

  @Option(names = {"-o", "--output"}, defaultValue = "output", paramLabel = "OUT",
      description = "Output folder (the HTML goes to OUT/html). Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = {"-p", "--port"}, defaultValue = "8000", paramLabel = "PORT",
      description = "Port on localhost; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Mixin Catalogs catalogs;

  @Mixin Title title;

  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "port " + port + " is not between 0 and 65535");
    }
    Server.Options options = new Server.Options(common.quiet, catalogs.checked(spec.commandLine()),
        title.checked(spec.commandLine()));
    PrintWriter log = spec.commandLine().getErr();
    CountDownLatch stopped = new CountDownLatch(1);
    try (Server server = Server.start(edition, out, port, log, options)) {
      spec.commandLine().getOut().println("serving " + server.address() + " (Ctrl-C stops)");
      spec.commandLine().getOut().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
