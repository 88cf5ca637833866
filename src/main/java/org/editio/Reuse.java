package org.editio;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * What the build loop ({@code output.Run}) asks before it renders an output file: was this file
 * made, by the previous build, from the same recipe (a {@link Digest} of everything it was made
 * from)? If so, the previous file is put in place and rendering is skipped. What was rendered is
 * reported, so that the next build can ask again.
 *
 * <p>Paths are in the folder being written (the staging folder of a build).
 */
public interface Reuse {

  /** Puts the previous build's {@code target} in place if it was made from {@code recipe}. */
  boolean reuse(Path target, String recipe);

  /** Records that {@code target} was just made from {@code recipe}. */
  void made(Path target, String recipe);

  /**
   * Puts every file of a group made by one transform (e.g. the edition's pages) in place, if the
   * group was made from {@code recipe}; all or none.
   */
  boolean reuseGroup(String group, String recipe);

  /** Records the files of a group just made from {@code recipe}. */
  void madeGroup(String group, Collection<Path> files, String recipe);

  /** Whether there is nothing to reuse (a first or clean build): everything will be rendered. */
  boolean fresh();

  /**
   * What the previous build recorded with {@code target} ({@link #record}): facts about the file
   * that are costly to learn again, such as the page of each id of a PDF volume. Empty when none.
   */
  default Map<String, String> recorded(Path target) {
    return Map.of();
  }

  /** Keeps {@code values} with {@code target} in the build's record, for the next build (see {@link #recorded}). */
  default void record(Path target, Map<String, String> values) {}

  /** Always renders, records nothing: for runs without a previous output (bench, tests). */
  Reuse NEVER = new Reuse() {
    @Override
    public boolean reuse(Path target, String recipe) {
      return false;
    }

    @Override
    public void made(Path target, String recipe) {}

    @Override
    public boolean reuseGroup(String group, String recipe) {
      return false;
    }

    @Override
    public void madeGroup(String group, Collection<Path> files, String recipe) {}

    @Override
    public boolean fresh() {
      return true;
    }
  };
}
