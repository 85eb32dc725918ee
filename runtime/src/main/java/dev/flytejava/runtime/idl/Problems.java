package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Problem;
import dev.flytejava.runtime.idl.IdlCompileException.Site;
import java.util.ArrayList;
import java.util.List;

/** Collects compile problems so that one run reports all of them (STYLE (e)). */
final class Problems {
  private final List<Problem> list = new ArrayList<>();

  void add(Site site, String message) {
    list.add(new Problem(site, message));
  }

  int count() {
    return list.size();
  }

  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new IdlCompileException(list);
    }
  }
}
