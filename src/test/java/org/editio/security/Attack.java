package org.editio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.editio.cli.Main;

/**
 * What every attack test needs: hostile editions written into a temporary folder, editio run on
 * them (in this JVM, or as a child process with a planted environment variable), and the checks
 * that make an outcome exact: the message, nothing written outside OUT, no secret in any output
 * or message, no Java internals in messages, a time bound.
 */
public final class Attack {
  private Attack() {}

  /** Planted in a file outside the edition: it must never appear in an output or a message. */
  static final String FILE_SECRET = "EDITIO-SECRET-IN-A-FILE-7f3a";

  /** Planted in the environment of a child editio process: never in an output or a message. */
  static final String ENV_SECRET = "EDITIO-SECRET-IN-THE-ENVIRONMENT-9c1d";

  /** Every attack finishes within this (the network is never waited on; schemas are bounded). */
  static final Duration BOUND = Duration.ofSeconds(60);

  /** Java internals a message must never show an editor. */
  static final Pattern INTERNAL = Pattern.compile(
      "[A-Za-z]+Exception\\b|\\b[A-Z][A-Za-z]*Error:|\\bat (org|java|net|com|sun|jdk)\\.|java\\.(lang|io|nio|util)\\."
          + "|net\\.sf\\.saxon|com\\.thaiopensource|org\\.apache|\\b(FORX|FODC|XPTY|XTDE|XPST|XTSE|SXXP|FOER|XPDY)\\d{4}"
          + "|zero-length string|NullPointer|ClassCast|IndexOutOfBounds|internal error");

  /** A minimal TEI document: the ids, title and body are the caller's. */
  public static String tei(String id, String title, String body) {
    return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"" + (id == null ? "" : " xml:id=\"" + id + "\"") + ">"
        + "<teiHeader><fileDesc><titleStmt><title>" + title + "</title></titleStmt>"
        + "<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Written for a test.</p></sourceDesc>"
        + "</fileDesc></teiHeader><text><body>" + body + "</body></text></TEI>\n";
  }

  /** A secret outside the edition: {@code dir/secret/secret.txt} and {@code secret.xml}. */
  static Path plantSecrets(Path dir) throws IOException {
    Path secrets = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(secrets.resolve("secret.txt"), FILE_SECRET + "\n");
    Files.writeString(secrets.resolve("secret.xml"), "<secret>" + FILE_SECRET + "</secret>\n");
    Files.writeString(secrets.resolve("secret.rng"),
        "<element name=\"secret\" xmlns=\"http://relaxng.org/ns/structure/1.0\"><text/></element>\n");
    return secrets;
  }

  /** What a run of editio printed, how it ended and how long it took. */
  record Run(int exit, String out, String err, Duration took) {
    String all() {
      return out + "\n" + err;
    }

    List<String> problems() {
      return err.lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ") || l.startsWith("error:")).toList();
    }
  }

  /** editio in this JVM. */
  static Run editio(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** editio as a child process whose environment holds {@link #ENV_SECRET} (and {@code env}). */
  static Run child(Path workingDir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.editio.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().put("EDITIO_SECRET", ENV_SECRET);
    pb.environment().put("HOME_SECRET_" + ENV_SECRET.replace('-', '_'), ENV_SECRET);
    pb.environment().putAll(env);
    Path outFile = Files.createTempFile("editio-child-out", ".txt");
    Path errFile = Files.createTempFile("editio-child-err", ".txt");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(BOUND.toSeconds() + 60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("editio " + String.join(" ", args) + " did not finish within " + (BOUND.toSeconds() + 60) + " s");
    }
    Run run = new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile),
        Duration.ofNanos(System.nanoTime() - start));
    Files.delete(outFile);
    Files.delete(errFile);
    return run;
  }

  /** Every regular file and link below {@code root} with its size and modification time. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String state = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
            : Files.size(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
        files.put(root.relativize(p).toString(), state);
      }
    }
    return files;
  }

  /** Asserts that between two snapshots of {@code root} nothing changed outside {@code out}. */
  static void assertNothingWrittenOutside(Map<String, String> before, Map<String, String> after, Path root, Path out) {
    String prefix = root.relativize(out).toString();
    List<String> changed = new ArrayList<>();
    for (String k : after.keySet()) {
      if (!k.equals(prefix) && !k.startsWith(prefix + "/") && !after.get(k).equals(before.get(k))) {
        changed.add(k);
      }
    }
    for (String k : before.keySet()) {
      if (!k.startsWith(prefix) && !after.containsKey(k)) {
        changed.add(k + " (deleted)");
      }
    }
    assertEquals(List.of(), changed, "files written outside OUT");
  }

  /** Asserts that no secret reached a message or any file below {@code out}. */
  static void assertNoSecret(Run run, Path out) throws IOException {
    for (String secret : List.of(FILE_SECRET, ENV_SECRET)) {
      assertFalse(run.all().contains(secret), "a secret reached a message: " + run.all());
      if (Files.exists(out)) {
        try (Stream<Path> walk = Files.walk(out)) {
          for (Path p : walk.filter(Files::isRegularFile).toList()) {
            String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(secret), "a secret reached " + p);
          }
        }
      }
    }
  }

  /** Asserts that every message is located or a summary, and shows no Java internals. */
  static void assertCleanMessages(Run run) {
    for (String line : run.err().lines().toList()) {
      assertFalse(INTERNAL.matcher(line).find(), "an internal message: " + line);
    }
    for (String p : run.problems()) {
      assertTrue(p.matches("(?s)[^:]+:\\d+:\\d+: (error|warning): .+") || p.startsWith("error: not published")
          || p.matches("(?s)error: .+"), "not located: " + p);
    }
  }

  /** Asserts that the run finished within {@link #BOUND} and within {@code bound}. */
  static void assertWithin(Run run, Duration bound) {
    assertTrue(run.took().compareTo(bound) < 0, "took " + run.took().toMillis() + " ms, bound " + bound.toMillis() + " ms");
  }

  /** A local port that accepts connections and never answers; counts the connections it gets. */
  static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            held.add(socket.accept());
            connections.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
