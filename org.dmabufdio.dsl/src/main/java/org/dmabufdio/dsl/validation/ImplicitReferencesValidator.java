package org.dmabufdio.dsl.validation;

import org.dmabufdio.dsl.dmabuf.CpuWrite;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Free;
import org.dmabufdio.dsl.dmabuf.Madvise;
import org.dmabufdio.dsl.dmabuf.Memfd;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.Munmap;
import org.dmabufdio.dsl.dmabuf.Read;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.Touch;
import org.dmabufdio.dsl.dmabuf.Udmabuf;
import org.dmabufdio.dsl.dmabuf.Write;
import org.dmabufdio.dsl.util.Steps;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Statements that name nothing act on the most recent buffer or mapping: there must be one.
 * (Inside fragments, the caller may provide it, so only scenarios are checked.)
 */
public class ImplicitReferencesValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void mmap(Mmap m) {
		if (!m.isAnon() && m.getTarget() == null && inScenario(m) && StaticValues.lastBuffer(m) == null) {
			error("mmap needs a buffer: alloc one before, or name what to map", null, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	@Check
	public void read(Read r) {
		needsMapping(r, r.getMapping(), "read needs a mapping to read into");
	}

	@Check
	public void write(Write w) {
		needsMapping(w, w.getMapping(), "write needs a mapping to write from");
	}

	@Check
	public void munmap(Munmap m) {
		needsMapping(m, m.getMapping(), "munmap needs a mapping");
	}

	@Check
	public void madvise(Madvise m) {
		needsMapping(m, m.getMapping(), "madvise needs a mapping");
	}

	@Check
	public void touch(Touch t) {
		needsMapping(t, t.getMapping(), "touch needs a mapping");
	}

	@Check
	public void cpuWrite(CpuWrite w) {
		needsMapping(w, w.getMapping(), "write needs a mapping");
	}

	@Check
	public void free(Free f) {
		if (f.getBuffer() == null && inScenario(f) && StaticValues.lastBuffer(f) == null) {
			error("free needs a buffer: alloc one before, or name one", null, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	@Check
	public void udmabuf(Udmabuf u) {
		if (u.getMemfd() == null && inScenario(u) && lastMemfd(u) == null) {
			error("udmabuf needs a memfd: create one before, or name one", null, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	private void needsMapping(EObject o, Declaration mapping, String message) {
		if (mapping == null && inScenario(o) && StaticValues.lastMapping(o) == null) {
			error(message + ": mmap one before, or name one", null, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	private static boolean inScenario(EObject o) {
		return org.eclipse.xtext.EcoreUtil2.getContainerOfType(o, org.dmabufdio.dsl.dmabuf.Scenario.class) != null;
	}

	private static Memfd lastMemfd(EObject o) {
		Memfd last = null;
		for (Step s : Steps.stepsBefore(o)) {
			if (s.getAction() instanceof Memfd m) {
				last = m;
			}
		}
		return last;
	}
}
