package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Exit;
import org.dmabufdio.dsl.dmabuf.Fork;
import org.dmabufdio.dsl.dmabuf.InProcess;
import org.dmabufdio.dsl.dmabuf.Process;
import org.dmabufdio.dsl.dmabuf.Wait;
import org.dmabufdio.runtime.kernel.Task;
import org.eclipse.emf.ecore.EObject;

/** fork, running steps in another process, exit and wait. */
final class ProcessActions {

	private final Env env;
	private final Interpreter interpreter;

	ProcessActions(Env env, Interpreter interpreter) {
		this.env = env;
		this.interpreter = interpreter;
	}

	Outcome run(Process p) {
		if (p instanceof Fork f) {
			long pid = env.machine.fork(env.current);
			if (pid >= 0) {
				Task child = env.machine.kernel().task((int) pid);
				env.objects.put(f, child);
				env.lastChild = child;
			}
			return Outcome.of(pid);
		}
		if (p instanceof InProcess in) {
			Task task = task(in.getProcess(), in);
			if (task.exited()) {
				throw ScenarioException.error(in, task + " has exited");
			}
			Task saved = env.current;
			env.current = task;
			try {
				interpreter.runSteps(in.getSteps());
			} finally {
				env.current = saved;
			}
			return Outcome.NONE;
		}
		if (p instanceof Exit e) {
			Task task = task(e.getProcess(), e);
			env.machine.exit(task);
			return Outcome.of(0);
		}
		Task task = task(((Wait) p).getProcess(), p);
		if (!task.exited()) {
			env.machine.exit(task); // the child has nothing left to do: it finishes
		}
		return Outcome.of(task.pid);
	}

	private Task task(Declaration d, EObject where) {
		if (d == null) {
			return env.implicitProcess();
		}
		if (!(env.lookup(d, where) instanceof Task t)) {
			throw ScenarioException.error(where, "'" + d.getName() + "' is not a process");
		}
		return t;
	}
}
