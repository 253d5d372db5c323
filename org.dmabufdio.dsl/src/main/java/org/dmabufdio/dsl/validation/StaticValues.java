package org.dmabufdio.dsl.validation;

import org.dmabufdio.dsl.dmabuf.Alloc;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.Memfd;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.SizeExpr;
import org.dmabufdio.dsl.dmabuf.SizeLiteral;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.util.Steps;
import org.dmabufdio.runtime.util.Sizes;
import org.dmabufdio.runtime.util.Units;
import org.eclipse.emf.ecore.EObject;

/** What validation can know of sizes before a scenario runs: literals, and what they size. */
final class StaticValues {

	private StaticValues() {
	}

	/** The bytes of a literal size with a unit, or null (a $parameter, or not a valid size). */
	static Long bytes(SizeExpr e) {
		if (e instanceof SizeLiteral l && Sizes.hasUnitOrIsZero(l.getText())) {
			try {
				return Sizes.bytes(l.getText());
			} catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	/** The size of a buffer, file or mapping declaration, if known. */
	static Long sizeOf(Declaration d) {
		if (d instanceof Alloc a) {
			Long b = bytes(a.getSize());
			return b == null ? null : Units.pageAlign(b);
		}
		if (d instanceof Memfd m) {
			return bytes(m.getSize());
		}
		if (d instanceof FileDecl f) {
			return bytes(f.getSize());
		}
		if (d instanceof Mmap m) {
			return mappingSize(m);
		}
		return null;
	}

	/** The length of the mapping a step makes, if known. */
	static Long mappingSize(Mmap m) {
		if (m.getRange() != null && m.getRange().getLength() != null) {
			return bytes(m.getRange().getLength());
		}
		if (m.isAnon()) {
			return bytes(m.getSize());
		}
		Declaration target = m.getTarget() != null ? m.getTarget() : lastBuffer(m);
		Long size = target == null ? null : sizeOf(target);
		if (size != null && m.getRange() != null && m.getRange().getOffset() != null) {
			Long off = bytes(m.getRange().getOffset());
			return off == null ? null : size - off;
		}
		return size;
	}

	/** The buffer an {@code mmap} without a target maps: the latest one declared before it. */
	static Declaration lastBuffer(EObject context) {
		Declaration last = null;
		for (Step s : Steps.stepsBefore(context)) {
			if (s.getAction() instanceof Declaration d && org.dmabufdio.dsl.util.Kinds.of(d) == org.dmabufdio.dsl.util.Kinds.BUFFER) {
				last = d;
			}
		}
		return last;
	}

	/** The latest mapping made before {@code context}. */
	static Mmap lastMapping(EObject context) {
		Mmap last = null;
		for (Step s : Steps.stepsBefore(context)) {
			if (s.getAction() instanceof Mmap m) {
				last = m;
			}
		}
		return last;
	}
}
