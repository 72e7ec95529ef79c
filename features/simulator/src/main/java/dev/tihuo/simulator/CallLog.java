package dev.tihuo.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Every call received on the OpenAPI side, in arrival order, faulted ones included. */
public final class CallLog {

  private final List<RecordedCall> calls = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  long nextSeq() {
    return seq.incrementAndGet();
  }

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  public synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  public synchronized List<RecordedCall> matching(Predicate<RecordedCall> p) {
    return calls.stream().filter(p).toList();
  }

  public List<RecordedCall> forPath(String path) {
    return matching(c -> c.path().equals(path));
  }

  public int count(String path) {
    return forPath(path).size();
  }

  public Optional<RecordedCall> last(String path) {
    List<RecordedCall> l = forPath(path);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
  }

  public synchronized void clear() {
    calls.clear();
  }
}
