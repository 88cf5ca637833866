package org.editio.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches an edition's folders (all of them, including folders created later) and calls back once
 * a burst of changes has settled: an editor saving a file often writes, renames and deletes
 * several files, and one build should follow, not five. Changes inside the output folder are
 * ignored, so that an output folder inside the edition does not make builds trigger builds.
 */
final class Watcher implements Runnable, AutoCloseable {

  /** How long the files must stay quiet before a build starts. */
  private static final long SETTLE_MS = 150;

  private final Path root;
  /** The edition's only file, when the edition is one file; null for a folder. */
  private final Path single;
  private final Path out;
  private final Runnable onChange;
  private final WatchService service;

  Watcher(Path edition, Path out, Runnable onChange) throws IOException {
    this.single = Files.isDirectory(edition) ? null : edition;
    this.root = single == null ? edition : edition.getParent();
    this.out = out;
    this.onChange = onChange;
    this.service = FileSystems.getDefault().newWatchService();
    if (single == null) {
      register(root);
    } else {
      // one file: its folder alone, not the folders below it
      root.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
  }

  private void register(Path dir) throws IOException {
    if (dir.startsWith(out)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(dir)) {
      for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.startsWith(out)).toList()) {
        d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void run() {
    try {
      while (true) {
        boolean relevant = drain(service.take());
        // let the burst settle: keep taking events until none came for SETTLE_MS
        WatchKey next;
        while ((next = service.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(next);
        }
        if (relevant) {
          onChange.run();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  /** Reads a key's events; true when one concerns the edition (not the output folder). */
  private boolean drain(WatchKey key) {
    boolean relevant = false;
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
        continue;
      }
      Path changed = dir.resolve((Path) event.context());
      if (changed.startsWith(out) || (single != null && !changed.equals(single))) {
        continue;
      }
      relevant = true;
      if (single == null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
        try {
          register(changed);
        } catch (IOException e) {
          // a folder that vanished at once: nothing to watch
        }
      }
    }
    key.reset();
    return relevant;
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // closing a watch service does not fail in practice; nothing more to release
    }
  }
}
