package org.dmabufdio.runtime.util;

import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A map from a long key space (page indices) to long values, stored as runs of equal values.
 * Keys without a run hold {@link #defaultValue()}. Every operation costs in the number of runs
 * it touches, never in the number of keys: a 3 GiB buffer mapped in one go is one run.
 *
 * <p>Runs live in primitive arrays split into chunks of at most {@link #CHUNK} runs (a two-level
 * B+ tree, {@link RunChunks}), and the chunk of the last operation is remembered, because the
 * simulator's accesses are local: sequential reads extend the last run, reclaim eats the oldest
 * ones.
 */
public final class RangeMap extends RunChunks {

	/** Receives one run: keys [start, end) all hold value. */
	@FunctionalInterface
	public interface RunVisitor {
		void run(long start, long end, long value);
	}


	/**
	 * The built-in operators as a code and an operand, not a LongUnaryOperator each: the hot
	 * paths call them per run, and an interface call with several receivers is not inlined.
	 */
	private static final int OP_CUSTOM = 0, OP_SET = 1, OP_ADD = 2, OP_OR = 3, OP_AND_NOT = 4, OP_SET_BITS = 5;
	private int op;
	private long operand;
	/** The bits OP_SET_BITS replaces. */
	private long mask;
	private LongUnaryOperator custom;

	private long applyOp(long v) {
		switch (op) {
		case OP_SET:
			return operand;
		case OP_ADD:
			return v + operand;
		case OP_OR:
			return v | operand;
		case OP_AND_NOT:
			return v & ~operand;
		case OP_SET_BITS:
			return (v & ~mask) | operand;
		default:
			return custom.applyAsLong(v);
		}
	}

	public RangeMap(long defaultValue) {
		super(defaultValue);
	}

	public long get(long key) {
		if (chunks == 0) {
			return defaultValue;
		}
		int c = chunkFor(key);
		int i = lastStartAtOrBefore(c, key);
		return i >= 0 && key < ends[c][i] ? values[c][i] : defaultValue;
	}

	/**
	 * The first key of the stored run that holds {@code key}, or -1 if {@code key} holds the
	 * default. Runs are coalesced, so this is where equal values around {@code key} begin.
	 */
	public long runStart(long key) {
		if (chunks == 0) {
			return -1;
		}
		int c = chunkFor(key);
		int i = lastStartAtOrBefore(c, key);
		return i >= 0 && key < ends[c][i] ? starts[c][i] : -1;
	}

	/** The key after the stored run that holds {@code key}, or -1 if {@code key} holds the default. */
	public long runEnd(long key) {
		if (chunks == 0) {
			return -1;
		}
		int c = chunkFor(key);
		int i = lastStartAtOrBefore(c, key);
		return i >= 0 && key < ends[c][i] ? ends[c][i] : -1;
	}

	/** Sets keys [from, to) to value. */
	public void set(long from, long to, long value) {
		updateWith(OP_SET, value, from, to);
	}

	/** Adds delta to every key in [from, to). */
	public void add(long from, long to, long delta) {
		updateWith(OP_ADD, delta, from, to);
	}

	/** Sets {@code bits} in every key of [from, to). */
	public void or(long from, long to, long bits) {
		updateWith(OP_OR, bits, from, to);
	}

	/** Clears {@code bits} in every key of [from, to). */
	public void andNot(long from, long to, long bits) {
		updateWith(OP_AND_NOT, bits, from, to);
	}

	/**
	 * Replaces the bits of {@code mask} by {@code bits} in every key of [from, to), visiting the
	 * old runs first if {@code beforeChange} is given (a page flag update: PG_lru on, PG_active off).
	 */
	public void setBits(long from, long to, long mask, long bits, RunVisitor beforeChange) {
		op = OP_SET_BITS;
		this.mask = mask;
		operand = bits;
		doUpdate(from, to, beforeChange);
	}

	public void update(long from, long to, LongUnaryOperator f) {
		update(from, to, f, null);
	}

	private void updateWith(int code, long x, long from, long to) {
		op = code;
		operand = x;
		doUpdate(from, to, null);
	}

	/**
	 * Where the value changes next after {@code key}: the end of the stored run holding it, or
	 * the start of the next stored run if it is in a default gap ({@link Long#MAX_VALUE} if none).
	 */
	public long nextChange(long key) {
		if (chunks == 0) {
			return Long.MAX_VALUE;
		}
		int c = chunkFor(key);
		int i = lastStartAtOrBefore(c, key);
		if (i >= 0 && key < ends[c][i]) {
			return ends[c][i];
		}
		i++;
		if (i < counts[c]) {
			return starts[c][i];
		}
		return c + 1 < chunks ? starts[c + 1][0] : Long.MAX_VALUE;
	}

	/**
	 * The end of the stretch of keys from {@code key} that hold values other than the default
	 * (stored runs that abut), at most {@code limit}; {@code key} itself if it holds the default.
	 * One look-up, then a walk along the runs.
	 */
	public long storedStretchEnd(long key, long limit) {
		if (chunks == 0 || key >= limit) {
			return key;
		}
		int c = chunkFor(key);
		int i = lastStartAtOrBefore(c, key);
		if (i < 0 || ends[c][i] <= key) {
			return key;
		}
		long end = ends[c][i];
		while (end < limit) {
			if (++i == counts[c]) {
				if (++c == chunks) {
					break;
				}
				i = 0;
			}
			if (starts[c][i] != end) {
				break;
			}
			end = ends[c][i];
		}
		return Math.min(end, limit);
	}

	/** The first key of [from, to) whose value has a bit of {@code mask}, or -1. */
	public long firstWithBits(long from, long to, long mask) {
		for (long k = from; k < to;) {
			long v = get(k);
			if ((v & mask) != 0) {
				return k;
			}
			k = nextChange(k);
		}
		return -1;
	}

	/**
	 * Replaces the value of every key in [from, to) by f(old value), run by run, and visits the
	 * old runs (default gaps included) before they change.
	 */
	public void update(long from, long to, LongUnaryOperator f, RunVisitor beforeChange) {
		op = OP_CUSTOM;
		custom = f;
		doUpdate(from, to, beforeChange);
		custom = null;
	}

	private void doUpdate(long from, long to, RunVisitor beforeChange) {
		if (from >= to) {
			return;
		}
		if (chunks == 0) {
			long v = applyOp(defaultValue);
			if (beforeChange != null) {
				beforeChange.run(from, to, defaultValue);
			}
			if (v != defaultValue) {
				// a map that emptied keeps its first chunk: maps that fill and drain all the time
				// (I/O completion times, readahead marks) make no garbage
				if (starts[0] == null) {
					starts[0] = new long[CHUNK];
					ends[0] = new long[CHUNK];
					values[0] = new long[CHUNK];
				}
				starts[0][0] = from;
				ends[0][0] = to;
				values[0][0] = v;
				counts[0] = 1;
				chunks = 1;
				runs = 1;
				finger = 0;
			}
			return;
		}
		if (beforeChange == null && op == OP_SET && operand == defaultValue && from <= starts[0][0]
				&& to >= ends[chunks - 1][counts[chunks - 1] - 1]) {
			clear(); // every run goes, as when a window's completion times or its mark are done with
			return;
		}
		if (appendPastEnd(from, to, beforeChange)) {
			return;
		}
		// the affected runs: from the last run starting before `from` (if it reaches in) onwards
		int c0 = chunkFor(from);
		int i0 = lastStartAtOrBefore(c0, from);
		if (updateWithinOne(c0, i0, from, to, beforeChange)) {
			return;
		}
		if (i0 < 0 || ends[c0][i0] <= from) {
			i0++; // that run ends before `from`: start at the next one
		}
		// normalise (c0, i0) to a real position or the end
		if (i0 >= counts[c0] && c0 + 1 < chunks) {
			c0++;
			i0 = 0;
		}
		newCount = 0;
		long cursor = from;
		int c = c0;
		int i = i0;
		int removed = 0;
		while (c < chunks) {
			if (i >= counts[c]) {
				c++;
				i = 0;
				continue;
			}
			long s = starts[c][i];
			if (s >= to) {
				break;
			}
			long e = ends[c][i];
			long v = values[c][i];
			if (s < from) {
				emit(s, from, v); // left remainder keeps its value
			}
			long ps = Math.max(s, from);
			if (cursor < ps) {
				apply(cursor, ps, defaultValue, beforeChange);
			}
			long pe = Math.min(e, to);
			apply(ps, pe, v, beforeChange);
			if (e > to) {
				emit(to, e, v); // right remainder keeps its value
			}
			cursor = pe;
			removed++;
			i++;
		}
		if (cursor < to) {
			apply(cursor, to, defaultValue, beforeChange);
		}
		replace(c0, i0, removed);
	}

	/**
	 * The common case of growth: [from, to) lies past the last run. Appends (or extends the last
	 * run) without the general splice; returns false if the range is not past the end.
	 */
	private boolean appendPastEnd(long from, long to, RunVisitor visitor) {
		int lc = chunks - 1;
		int li = counts[lc] - 1;
		if (from < ends[lc][li]) {
			return false;
		}
		if (visitor != null) {
			visitor.run(from, to, defaultValue);
		}
		long v = applyOp(defaultValue);
		if (v == defaultValue) {
			return true;
		}
		if (from == ends[lc][li] && values[lc][li] == v) {
			ends[lc][li] = to;
			return true;
		}
		if (counts[lc] == CHUNK) {
			insertChunk(chunks);
			lc = chunks - 1;
		}
		int i = counts[lc]++;
		starts[lc][i] = from;
		ends[lc][i] = to;
		values[lc][i] = v;
		runs++;
		finger = lc;
		return true;
	}

	/**
	 * The common cases of an update that stays inside one stored run or one default gap (run i of
	 * chunk c is the last starting at or before {@code from}, -1 if none), done in place: the
	 * value does not change (a flag set again); a whole run changes value without meeting an
	 * equal neighbour; a boundary moves (the head or tail of a run takes its neighbour's value
	 * or the default, or a gap's edge joins the run beside it), as sequential work does window
	 * after window. Returns false, having changed nothing, for the general splice.
	 */
	private boolean updateWithinOne(int c, int i, long from, long to, RunVisitor visitor) {
		boolean inRun = i >= 0 && from < ends[c][i];
		long old;
		if (inRun) {
			if (to > ends[c][i]) {
				return false;
			}
			old = values[c][i];
		} else {
			// a gap: it must reach `to` before the next run starts
			int ni = i + 1;
			long next = ni < counts[c] ? starts[c][ni] : c + 1 < chunks ? starts[c + 1][0] : Long.MAX_VALUE;
			if (to > next) {
				return false;
			}
			old = defaultValue;
		}
		long v = applyOp(old);
		int edit = v == old ? EDIT_NONE : inRun ? runEdit(c, i, from, to, v) : gapEdit(c, i, from, to, v);
		if (edit == EDIT_GENERAL) {
			return false;
		}
		if (visitor != null) {
			visitor.run(from, to, old);
		}
		switch (edit) {
		case EDIT_VALUE -> values[c][i] = v;
		case EDIT_HEAD -> {
			if (v != defaultValue) {
				ends[c][i - 1] = to; // the run before takes the head
			}
			starts[c][i] = to;
		}
		case EDIT_TAIL -> {
			if (v != defaultValue) {
				starts[c][i + 1] = from; // the run after takes the tail
			}
			ends[c][i] = from;
		}
		case EDIT_GROW_LEFT_RUN -> ends[c][i] = to;
		case EDIT_GROW_RIGHT_RUN -> starts[c][i + 1] = from;
		case EDIT_MERGE_LEFT -> {
			ends[c][i - 1] = ends[c][i];
			removeRuns(c, i, 1);
		}
		case EDIT_MERGE_RIGHT -> {
			starts[c][i + 1] = starts[c][i];
			removeRuns(c, i, 1);
		}
		case EDIT_MERGE_BOTH -> {
			ends[c][i - 1] = ends[c][i + 1];
			removeRuns(c, i, 2);
		}
		case EDIT_FILL_GAP -> {
			ends[c][i] = ends[c][i + 1];
			removeRuns(c, i + 1, 1);
		}
		default -> {
		}
		}
		finger = c;
		return true;
	}

	private static final int EDIT_GENERAL = -1, EDIT_NONE = 0, EDIT_VALUE = 1, EDIT_HEAD = 2, EDIT_TAIL = 3,
			EDIT_GROW_LEFT_RUN = 4, EDIT_GROW_RIGHT_RUN = 5, EDIT_MERGE_LEFT = 6, EDIT_MERGE_RIGHT = 7,
			EDIT_MERGE_BOTH = 8, EDIT_FILL_GAP = 9;


	/** How [from, to) inside run i of chunk c can take value v in place, if it can. */
	private int runEdit(int c, int i, long from, long to, long v) {
		long s = starts[c][i];
		long e = ends[c][i];
		if (from == s && to == e) {
			if (v == defaultValue) {
				return EDIT_GENERAL;
			}
			boolean left = i > 0 && ends[c][i - 1] == s && values[c][i - 1] == v;
			boolean right = i + 1 < counts[c] && starts[c][i + 1] == e && values[c][i + 1] == v;
			boolean leftAcross = i == 0 && c > 0 && ends[c - 1][counts[c - 1] - 1] == s && values[c - 1][counts[c - 1] - 1] == v;
			boolean rightAcross = i + 1 == counts[c] && c + 1 < chunks && starts[c + 1][0] == e && values[c + 1][0] == v;
			if (leftAcross || rightAcross) {
				return EDIT_GENERAL; // a merge partner in another chunk
			}
			if (!left && !right) {
				return EDIT_VALUE;
			}
			return left && right ? EDIT_MERGE_BOTH : left ? EDIT_MERGE_LEFT : EDIT_MERGE_RIGHT;
		}
		if (from == s) {
			return v == defaultValue || i > 0 && ends[c][i - 1] == s && values[c][i - 1] == v ? EDIT_HEAD : EDIT_GENERAL;
		}
		if (to == e) {
			return v == defaultValue || i + 1 < counts[c] && starts[c][i + 1] == e && values[c][i + 1] == v ? EDIT_TAIL
					: EDIT_GENERAL;
		}
		return EDIT_GENERAL; // a split in the middle
	}

	/** How the gap piece [from, to) after run i of chunk c can take value v by growing a neighbour. */
	private int gapEdit(int c, int i, long from, long to, long v) {
		boolean left = i >= 0 && ends[c][i] == from && values[c][i] == v;
		boolean right;
		if (i + 1 < counts[c]) {
			right = starts[c][i + 1] == to && values[c][i + 1] == v;
		} else {
			right = c + 1 < chunks && starts[c + 1][0] == to && values[c + 1][0] == v;
			if (right) {
				return EDIT_GENERAL; // the neighbour is in the next chunk
			}
		}
		if (left && right) {
			return EDIT_FILL_GAP;
		}
		if (!left && !right) {
			return EDIT_GENERAL; // a new run
		}
		return left ? EDIT_GROW_LEFT_RUN : EDIT_GROW_RIGHT_RUN;
	}

	private void apply(long s, long e, long old, RunVisitor visitor) {
		if (visitor != null) {
			visitor.run(s, e, old);
		}
		emit(s, e, applyOp(old));
	}


	/** Visits the runs of [from, to), clipped to it, default gaps included, in key order. */
	public void forEach(long from, long to, RunVisitor visitor) {
		if (from >= to) {
			return;
		}
		long cursor = from;
		if (chunks > 0) {
			int c = chunkFor(from);
			int i = lastStartAtOrBefore(c, from);
			if (i < 0 || ends[c][i] <= from) {
				i++;
			}
			outer: while (c < chunks) {
				for (; i < counts[c]; i++) {
					long s = starts[c][i];
					if (s >= to) {
						break outer;
					}
					long ps = Math.max(s, from);
					if (cursor < ps) {
						visitor.run(cursor, ps, defaultValue);
					}
					long pe = Math.min(ends[c][i], to);
					long v = values[c][i];
					cursor = pe;
					visitor.run(ps, pe, v); // may update this map: read everything first
					if (cursor >= to) {
						break outer;
					}
				}
				c++;
				i = 0;
			}
		}
		if (cursor < to) {
			visitor.run(cursor, to, defaultValue);
		}
	}

	/** Visits only the runs that do not hold the default value, over all keys. */
	public void forEachRun(RunVisitor visitor) {
		for (int c = 0; c < chunks; c++) {
			for (int i = 0; i < counts[c]; i++) {
				visitor.run(starts[c][i], ends[c][i], values[c][i]);
			}
		}
	}

	/** Number of keys in [from, to) whose value satisfies the predicate. */
	public long count(long from, long to, LongPredicate predicate) {
		return fold(from, to, predicate, FOLD_COUNT, 0, 0);
	}

	/** Sum over [from, to) of the values. */
	public long sum(long from, long to) {
		return fold(from, to, null, FOLD_SUM, 0, 0);
	}

	/** What fold() adds up: keys passing a predicate, values, or keys with some bits under a mask. */
	private static final int FOLD_COUNT = 0, FOLD_SUM = 1, FOLD_MASKED = 2;

	/**
	 * Keys in [from, to) holding a value other than the default: count() without a predicate
	 * to call (the callers' predicates are many, and a call through many is not inlined).
	 */
	public long countStored(long from, long to) {
		if (from >= to || chunks == 0) {
			return 0;
		}
		long n = 0;
		int c = chunkFor(from);
		int i = lastStartAtOrBefore(c, from);
		if (i < 0 || ends[c][i] <= from) {
			i++;
		}
		for (; c < chunks; c++, i = 0) {
			for (; i < counts[c]; i++) {
				long s = starts[c][i];
				if (s >= to) {
					return n;
				}
				n += Math.min(ends[c][i], to) - Math.max(s, from);
			}
		}
		return n;
	}

	/** Keys in [from, to) whose value has {@code bits} where {@code mask} is set: count() of a flag test, without a predicate. */
	public long countMasked(long from, long to, long mask, long bits) {
		return fold(from, to, null, FOLD_MASKED, mask, bits);
	}

	/** count() and sum() without a visitor: they run in reclaim's inner loops. */
	private long fold(long from, long to, LongPredicate predicate, int mode, long mask, long bits) {
		if (from >= to) {
			return 0;
		}
		long n = 0;
		long cursor = from;
		if (chunks > 0) {
			int c = chunkFor(from);
			int i = lastStartAtOrBefore(c, from);
			if (i < 0 || ends[c][i] <= from) {
				i++;
			}
			outer: while (c < chunks) {
				for (; i < counts[c]; i++) {
					long s = starts[c][i];
					if (s >= to) {
						break outer;
					}
					long ps = Math.max(s, from);
					long pe = Math.min(ends[c][i], to);
					n += foldRun(cursor, ps, defaultValue, predicate, mode, mask, bits)
							+ foldRun(ps, pe, values[c][i], predicate, mode, mask, bits);
					cursor = pe;
					if (cursor >= to) {
						break outer;
					}
				}
				c++;
				i = 0;
			}
		}
		return n + foldRun(cursor, to, defaultValue, predicate, mode, mask, bits);
	}

	private static long foldRun(long s, long e, long v, LongPredicate predicate, int mode, long mask, long bits) {
		if (s >= e) {
			return 0;
		}
		return switch (mode) {
		case FOLD_SUM -> (e - s) * v;
		case FOLD_MASKED -> (v & mask) == bits ? e - s : 0;
		default -> predicate.test(v) ? e - s : 0;
		};
	}
}
