package org.dmabufdio.runtime.util;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * A map from a long key space (page indices) to long values, stored as runs of equal values.
 * Keys without a run hold {@link #defaultValue()}. Every operation costs in the number of runs
 * it touches, never in the number of keys: a 3 GiB buffer mapped in one go is one run.
 */
public final class RangeMap {

	/** Receives one run: keys [start, end) all hold value. */
	@FunctionalInterface
	public interface RunVisitor {
		void run(long start, long end, long value);
	}

	private static final class Run {
		long end;
		long value;

		Run(long end, long value) {
			this.end = end;
			this.value = value;
		}
	}

	private final TreeMap<Long, Run> runs = new TreeMap<>();
	private final long defaultValue;

	public RangeMap(long defaultValue) {
		this.defaultValue = defaultValue;
	}

	public long defaultValue() {
		return defaultValue;
	}

	public long get(long key) {
		Map.Entry<Long, Run> e = runs.floorEntry(key);
		return e != null && key < e.getValue().end ? e.getValue().value : defaultValue;
	}

	/** Sets keys [from, to) to value. */
	public void set(long from, long to, long value) {
		update(from, to, v -> value);
	}

	/**
	 * Replaces the value of every key in [from, to) by f(old value), run by run, and visits the
	 * old runs (default gaps included) before they change.
	 */
	public void update(long from, long to, LongUnaryOperator f, RunVisitor beforeChange) {
		if (from >= to) {
			return;
		}
		split(from);
		split(to);
		TreeMap<Long, Run> changed = new TreeMap<>();
		long cursor = from;
		NavigableMap<Long, Run> inside = runs.subMap(from, true, to, false);
		for (Map.Entry<Long, Run> e : inside.entrySet()) {
			long start = e.getKey();
			Run run = e.getValue();
			if (cursor < start) {
				visitAndPut(changed, cursor, start, defaultValue, f, beforeChange);
			}
			visitAndPut(changed, start, run.end, run.value, f, beforeChange);
			cursor = run.end;
		}
		if (cursor < to) {
			visitAndPut(changed, cursor, to, defaultValue, f, beforeChange);
		}
		inside.clear();
		runs.putAll(changed);
		coalesce(from);
		coalesce(to);
		coalesceInside(from, to);
	}

	public void update(long from, long to, LongUnaryOperator f) {
		update(from, to, f, null);
	}

	/** Adds delta to every key in [from, to). */
	public void add(long from, long to, long delta) {
		update(from, to, v -> v + delta);
	}

	private void visitAndPut(TreeMap<Long, Run> out, long start, long end, long old, LongUnaryOperator f,
			RunVisitor visitor) {
		if (visitor != null) {
			visitor.run(start, end, old);
		}
		long value = f.applyAsLong(old);
		if (value != defaultValue) {
			out.put(start, new Run(end, value));
		}
	}

	/** Visits the runs of [from, to), clipped to it, default gaps included, in key order. */
	public void forEach(long from, long to, RunVisitor visitor) {
		if (from >= to) {
			return;
		}
		long cursor = from;
		Map.Entry<Long, Run> first = runs.floorEntry(from);
		Iterator<Map.Entry<Long, Run>> it = (first != null && first.getValue().end > from
				? runs.tailMap(first.getKey(), true)
				: runs.tailMap(from, true)).entrySet().iterator();
		while (it.hasNext()) {
			Map.Entry<Long, Run> e = it.next();
			long start = Math.max(e.getKey(), from);
			if (start >= to) {
				break;
			}
			if (cursor < start) {
				visitor.run(cursor, start, defaultValue);
			}
			long end = Math.min(e.getValue().end, to);
			visitor.run(start, end, e.getValue().value);
			cursor = end;
		}
		if (cursor < to) {
			visitor.run(cursor, to, defaultValue);
		}
	}

	/** Visits only the runs that do not hold the default value, over all keys. */
	public void forEachRun(RunVisitor visitor) {
		for (Map.Entry<Long, Run> e : runs.entrySet()) {
			visitor.run(e.getKey(), e.getValue().end, e.getValue().value);
		}
	}

	/** Number of keys in [from, to) whose value satisfies the predicate. */
	public long count(long from, long to, java.util.function.LongPredicate predicate) {
		long[] n = { 0 };
		forEach(from, to, (s, e, v) -> {
			if (predicate.test(v)) {
				n[0] += e - s;
			}
		});
		return n[0];
	}

	/** Sum over [from, to) of the values. */
	public long sum(long from, long to) {
		long[] n = { 0 };
		forEach(from, to, (s, e, v) -> n[0] += (e - s) * v);
		return n[0];
	}

	/** True if no key holds a value other than the default. */
	public boolean isEmpty() {
		return runs.isEmpty();
	}

	/** Number of stored runs: the memory this map costs. */
	public int runCount() {
		return runs.size();
	}

	/** Removes every run: all keys hold the default again. */
	public void clear() {
		runs.clear();
	}

	/** Ensures no run crosses key {@code at}. */
	private void split(long at) {
		Map.Entry<Long, Run> e = runs.lowerEntry(at);
		if (e != null && e.getValue().end > at) {
			Run run = e.getValue();
			runs.put(at, new Run(run.end, run.value));
			run.end = at;
		}
	}

	/** Merges the run ending at {@code at} with the one starting there if they hold the same value. */
	private void coalesce(long at) {
		Run right = runs.get(at);
		Map.Entry<Long, Run> left = runs.lowerEntry(at);
		if (right != null && left != null && left.getValue().end == at && left.getValue().value == right.value) {
			left.getValue().end = right.end;
			runs.remove(at);
		}
	}

	private void coalesceInside(long from, long to) {
		Long key = runs.ceilingKey(from);
		while (key != null && key < to) {
			Run run = runs.get(key);
			Long next = runs.higherKey(key);
			if (next != null && next == run.end && runs.get(next).value == run.value) {
				run.end = runs.get(next).end;
				runs.remove(next);
			} else {
				key = next;
			}
		}
	}
}
