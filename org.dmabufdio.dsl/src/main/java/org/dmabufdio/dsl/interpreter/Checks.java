package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.Check;
import org.dmabufdio.dsl.dmabuf.CompareOp;
import org.dmabufdio.dsl.dmabuf.Comparison;
import org.dmabufdio.dsl.dmabuf.Compare;
import org.dmabufdio.dsl.dmabuf.CounterCheck;
import org.dmabufdio.dsl.dmabuf.Delta;
import org.dmabufdio.dsl.dmabuf.DmabufView;
import org.dmabufdio.dsl.dmabuf.FlagsCheck;
import org.dmabufdio.dsl.dmabuf.HazardCheck;
import org.dmabufdio.dsl.dmabuf.HazardsCheck;
import org.dmabufdio.dsl.dmabuf.MeminfoView;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.OutcomeOk;
import org.dmabufdio.dsl.dmabuf.OutcomeReturns;
import org.dmabufdio.dsl.dmabuf.RssCheck;
import org.dmabufdio.dsl.dmabuf.SmapsView;
import org.dmabufdio.dsl.dmabuf.StatusView;
import org.dmabufdio.dsl.dmabuf.VmstatView;
import org.dmabufdio.dsl.dmabuf.TimeCheck;
import org.dmabufdio.dsl.dmabuf.TimeExpr;
import org.dmabufdio.dsl.dmabuf.TimeLiteral;
import org.dmabufdio.dsl.dmabuf.TimeOfStep;
import org.dmabufdio.dsl.dmabuf.Unchanged;
import org.dmabufdio.dsl.dmabuf.View;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.kernel.Findings;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.util.Sizes;
import org.eclipse.emf.ecore.EObject;

/**
 * Evaluates {@code assert} checks: on the last step's outcome, on counters by their kernel names
 * (against the scenario start or a checkpoint), on VmFlags, on time and on hazards. A check
 * that does not hold fails the scenario with a message saying what was found.
 */
final class Checks {

	private final Env env;

	Checks(Env env) {
		this.env = env;
	}

	void check(Check c) {
		if (c instanceof OutcomeOk) {
			if (env.lastErrno != null) {
				throw ScenarioException.fail(c, "expected ok, but the step failed with " + env.lastErrno);
			}
		} else if (c instanceof OutcomeFails f) {
			if (!f.getErrno().equals(env.lastErrno)) {
				throw ScenarioException.fail(c, "expected the step to fail with " + f.getErrno() + ", but it "
						+ (env.lastErrno == null ? "returned " + env.lastRet : "failed with " + env.lastErrno));
			}
		} else if (c instanceof OutcomeReturns r) {
			long want = Values.size(env, r.getValue());
			if (env.lastErrno != null || env.lastRet == null || env.lastRet != want) {
				throw ScenarioException.fail(c, "expected the step to return " + want + ", but it "
						+ (env.lastErrno == null ? "returned " + env.lastRet : "failed with " + env.lastErrno));
			}
		} else if (c instanceof RssCheck r) {
			rss(r);
		} else if (c instanceof CounterCheck cc) {
			counter(cc);
		} else if (c instanceof FlagsCheck fc) {
			flags(fc);
		} else if (c instanceof TimeCheck t) {
			time(t);
		} else if (c instanceof HazardsCheck) {
			List<Findings.Finding> all = env.machine.kernel().findings.all();
			if (!all.isEmpty()) {
				throw ScenarioException.fail(c, "expected no hazards, found " + all.size() + ": " + all.get(0));
			}
		} else {
			hazard((HazardCheck) c);
		}
	}

	/** {@code rss COMPARISON}: VmRSS and its parts, for the process running the step. */
	private void rss(RssCheck r) {
		Map<String, Long> now = env.machine.status(alive(env.current, r));
		Map<String, Long> then = baselineStatus(r.getComparison());
		List<String> problems = new ArrayList<>();
		for (String field : Counters.RSS) {
			String problem = compare(r.getComparison(), field, now.get(field), then.getOrDefault(field, 0L), "VmRSS".equals(field));
			if (problem != null) {
				problems.add(problem);
			}
		}
		if (!problems.isEmpty()) {
			throw ScenarioException.fail(r, "rss of " + env.current + ": " + String.join(", ", problems));
		}
	}

	private void counter(CounterCheck cc) {
		View view = cc.getView();
		Map<String, Long> now;
		Map<String, Long> then;
		String where;
		if (view == null || view instanceof StatusView) {
			Task t = view == null || ((StatusView) view).getProcess() == null ? env.current
					: (Task) env.lookup(((StatusView) view).getProcess(), view);
			now = env.machine.status(alive(t, cc));
			then = baselineSnapshot(cc.getComparison()).status().getOrDefault(t.pid, Map.of());
			where = "status of " + t;
		} else if (view instanceof MeminfoView) {
			now = env.machine.meminfo();
			then = baselineSnapshot(cc.getComparison()).meminfo();
			where = "meminfo";
		} else if (view instanceof SmapsView sv) {
			Handles.Mapping m = MemoryActions.mapping(env, sv.getMapping(), sv);
			now = smapsEntry(m, sv).fields();
			then = baselineSnapshot(cc.getComparison()).smaps().getOrDefault(m, Map.of());
			where = "smaps of " + m.name();
		} else if (view instanceof VmstatView) {
			now = env.machine.vmstat();
			then = baselineSnapshot(cc.getComparison()).vmstat();
			where = "vmstat";
		} else {
			DmabufView dv = (DmabufView) view;
			Handles.Buffer b = dv.getBuffer() == null ? env.lastBuffer : (Handles.Buffer) env.lookup(dv.getBuffer(), dv);
			if (b == null) {
				throw ScenarioException.error(dv, "no buffer yet");
			}
			now = Views.dmabuf(b);
			then = baselineSnapshot(cc.getComparison()).dmabufs().getOrDefault(b, Map.of());
			where = "dmabuf " + b.name();
		}
		Long value = now.get(cc.getField());
		if (value == null) {
			throw ScenarioException.error(cc, where + " has no field " + cc.getField() + " (it has " + String.join(", ", now.keySet()) + ")");
		}
		String problem = compare(cc.getComparison(), cc.getField(), value, then.getOrDefault(cc.getField(), 0L), true,
				view instanceof VmstatView ? Unit.COUNT : Unit.KB);
		if (problem != null) {
			throw ScenarioException.fail(cc, where + ": " + problem);
		}
	}

	/** What a counter is in: kB (status, meminfo, smaps, dmabuf) or a plain count (vmstat). */
	private enum Unit {
		KB(" kB"), COUNT("");

		final String suffix;

		Unit(String suffix) {
			this.suffix = suffix;
		}
	}

	/**
	 * One field against a comparison, in kB; null if it holds, else what was found. For "unchanged",
	 * a field that did not change reports nothing even when asked to (a whole-rss check names
	 * only the fields that moved).
	 */
	private String compare(Comparison c, String field, long nowKb, long thenKb, boolean always) {
		return compare(c, field, nowKb, thenKb, always, Unit.KB);
	}

	private String compare(Comparison c, String field, long now, long then, boolean always, Unit unit) {
		String u = unit.suffix;
		if (c instanceof Unchanged) {
			long d = now - then;
			return d == 0 ? null : field + (d > 0 ? " grew by " : " shrank by ") + Math.abs(d) + u + " (" + then + u + " -> " + now + u + ")";
		}
		if (c instanceof Delta d) {
			if (!always) {
				return null;
			}
			long want = amount(d.getAmount(), unit);
			long got = now - then;
			long expected = d.isIncreased() ? want : -want;
			return got == expected ? null
					: field + " changed by " + signed(got) + u + ", expected " + signed(expected) + u + " (" + then + u + " -> " + now + u + ")";
		}
		if (!always) {
			return null;
		}
		Compare cmp = (Compare) c;
		long want = amount(cmp.getValue(), unit);
		return holds(cmp.getOp(), now, want) ? null : field + " is " + now + u + ", expected " + cmp.getOp().getLiteral() + " " + want + u;
	}

	private long amount(org.dmabufdio.dsl.dmabuf.SizeExpr e, Unit unit) {
		return unit == Unit.COUNT ? Values.count(env, e) : Values.size(env, e) >> 10;
	}

	private static String signed(long v) {
		return v > 0 ? "+" + v : Long.toString(v);
	}

	static boolean holds(CompareOp op, double a, double b) {
		return switch (op) {
		case EQ -> a == b;
		case NE -> a != b;
		case LT -> a < b;
		case LE -> a <= b;
		case GT -> a > b;
		case GE -> a >= b;
		};
	}

	private Snapshot baselineSnapshot(Comparison c) {
		org.dmabufdio.dsl.dmabuf.Checkpoint cp = c instanceof Unchanged u ? u.getCheckpoint()
				: c instanceof Delta d ? d.getCheckpoint() : null;
		if (cp == null) {
			return env.start;
		}
		Snapshot s = env.checkpoints.get(cp);
		if (s == null) {
			throw ScenarioException.error(c, "checkpoint " + cp.getName() + " has not been passed");
		}
		return s;
	}

	/** A process's /proc entries exist until it exits. */
	private static Task alive(Task t, EObject where) {
		if (t.exited()) {
			throw ScenarioException.error(where, t + " has exited: its /proc/" + t.pid + " entries are gone");
		}
		return t;
	}

	/** The smaps entry of a mapping, as the process running the step sees it. */
	private Smaps.Entry smapsEntry(Handles.Mapping m, EObject where) {
		Smaps.Entry e = env.machine.smapsAt(alive(env.current, where), m.addr());
		if (e == null) {
			throw ScenarioException.error(where, m.name() + " is not mapped in " + env.current);
		}
		return e;
	}

	private Map<String, Long> baselineStatus(Comparison c) {
		return baselineSnapshot(c).status().getOrDefault(env.current.pid, Map.of());
	}

	private void flags(FlagsCheck fc) {
		Handles.Mapping m = MemoryActions.mapping(env, fc.getMapping(), fc);
		String flags = smapsEntry(m, fc).vmFlags();
		List<String> have = List.of(flags.split(" "));
		for (String f : fc.getFlags()) {
			String flag = org.dmabufdio.dsl.util.Quotes.unquote(f);
			if (have.contains(flag) == fc.isNegated()) {
				throw ScenarioException.fail(fc, "VmFlags of " + m.name() + " are '" + flags + "', which "
						+ (fc.isNegated() ? "contain " : "do not contain ") + flag);
			}
		}
	}

	private void time(TimeCheck t) {
		double left = nanos(t.getLeft());
		double right = nanos(t.getRight());
		if (!holds(t.getOp(), left, right)) {
			throw ScenarioException.fail(t, "time: " + ms(left) + " is not " + t.getOp().getLiteral() + " " + ms(right));
		}
	}

	private static String ms(double ns) {
		return String.format(java.util.Locale.ROOT, "%.3f ms", ns / 1e6);
	}

	private double nanos(TimeExpr e) {
		if (e instanceof TimeLiteral l) {
			return Sizes.nanos(l.getValue());
		}
		TimeOfStep ts = (TimeOfStep) e;
		Long ns = env.stepTimes.get(ts.getStep() == null ? env.lastActionStep : ts.getStep());
		if (ns == null) {
			throw ScenarioException.error(e, "that step has not run yet");
		}
		double factor = ts.getFactor() == null ? 1.0 : Double.parseDouble(ts.getFactor());
		return factor * ns;
	}

	private void hazard(HazardCheck h) {
		Hazard hazard = Hazard.byKeyword(h.getHazard());
		if (hazard == null) {
			throw ScenarioException.error(h, "unknown hazard '" + h.getHazard() + "'");
		}
		boolean found = env.machine.kernel().findings.has(hazard);
		if (found == h.isNegated()) {
			throw ScenarioException.fail(h, h.isNegated() ? "found hazard " + hazard.keyword() + ": " + first(hazard)
					: "expected hazard " + hazard.keyword() + ", found none");
		}
	}

	private String first(Hazard hazard) {
		return env.machine.kernel().findings.all().stream().filter(f -> f.hazard() == hazard).findFirst()
				.map(Object::toString).orElse("");
	}

}
